"""digest site, serve."""

from __future__ import annotations

from pathlib import Path

import click

from digest.cli import AppContext, cli, echo_json, pass_app
from digest.render import plural
from digest.site import build_site, preview_server


@cli.command("site")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder to write (default: DIGEST_HOME/site).")
@click.option("--full", is_flag=True, help="Render every page again, even those whose inputs have not changed.")
@click.option("--json", "as_json", is_flag=True, help="Print what was written as JSON.")
@pass_app
def site_command(app: AppContext, out_dir: str | None, full: bool, as_json: bool) -> None:
    """Write the static site of every recorded digest: archive, one page per digest (with its PDF),
    one page per track, search, Atom feed and sitemap. Links are relative, so the folder works
    from the disk or any static host; the feed and sitemap use [site] base_url."""
    report = build_site(app.store, app.config, Path(out_dir) if out_dir else None, full=full)
    if as_json:
        echo_json({
            "folder": report.folder, "index": report.index, "digests": report.digests, "tracks": report.tracks,
            "written": list(report.written), "unchanged": report.unchanged, "removed": list(report.removed),
            "skipped_digests": list(report.skipped), "digests_without_pdf": list(report.missing_pdfs),
            "seconds": round(report.seconds, 3),
        })
        return
    click.echo(f"site: {plural(report.digests, 'digest')}, {plural(report.tracks, 'track')}; {plural(len(report.written), 'file')} written, "
               f"{report.unchanged} unchanged, {len(report.removed)} removed in {report.seconds:.1f} s")
    if report.skipped:
        click.echo(f"left out (unreadable data): digests {', '.join(map(str, report.skipped))}", err=True)
    if report.missing_pdfs:
        click.echo(f"{len(report.missing_pdfs)} digests have no PDF to link (built without --format pdf)", err=True)
    click.echo(f"  {report.index}")


@cli.command("serve")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("-d", "--dir", "site_dir", type=click.Path(file_okay=False),
              help="The site folder (default: DIGEST_HOME/site).")
@pass_app
def serve_command(app: AppContext, port: int, site_dir: str | None) -> None:
    """Serve the static site on http://127.0.0.1:PORT/ for a preview (Ctrl-C stops it).
    Run `digest site` first; it is not rebuilt while serving."""
    folder = Path(site_dir) if site_dir else app.config.home / "site"
    server = preview_server(folder, port)
    click.echo(f"serving {folder} at http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
