"""digest send, deliveries, run."""

from __future__ import annotations

import logging
import sys
from email.message import EmailMessage

import click
from rich.console import Console
from rich.table import Table

from digest.cli import AppContext, cli, echo_json, pass_app
from digest.config import Recipient
from digest.deliver import Planned, deliver_digest, describe_transport, plan_delivery
from digest.schedule import run_scheduler

logger = logging.getLogger(__name__)


def _size(n: int) -> str:
    return f"{n / 1024:.1f} kB" if n >= 1024 else f"{n} B"


def _parts(message: EmailMessage) -> list[dict]:
    return [
        {"type": part.get_content_type(), "filename": part.get_filename(), "bytes": len(part.get_payload(decode=True) or b"")}
        for part in message.walk()
        if not part.is_multipart()
    ]


def _planned_row(p: Planned) -> dict:
    m = p.outgoing.message
    return {
        "recipient": p.outgoing.recipient, "action": p.action, "ledger": p.ledger, "subject": m["Subject"],
        "message_id": m["Message-ID"], "from": m["From"], "reply_to": m["Reply-To"], "date": m["Date"],
        "tracks": list(p.outgoing.tracks), "parts": _parts(m), "size": len(p.outgoing.as_bytes()),
    }


@cli.command("send")
@click.argument("digest_id", type=int, required=False)
@click.option("--dry-run", is_flag=True, help="Show what would be sent to whom; send nothing, change nothing.")
@click.option("--to", "to", multiple=True, metavar="ADDRESS",
              help="Send to this address instead of the configured recipients (repeatable; every track).")
@click.option("--retry-failed", is_flag=True, help="Try again recipients whose delivery failed permanently before.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_app
def send_command(app: AppContext, digest_id: int | None, dry_run: bool, to: tuple[str, ...], retry_failed: bool,
                 as_json: bool) -> None:
    """Send a digest (default: the latest) to every recipient that has not had it yet.

    The delivery ledger makes this safe to repeat: a recipient already sent to is not sent to
    again. Transient failures are retried, then left pending; exits 7 when any delivery is
    pending or failed.
    """
    recipients = [Recipient(address=a) for a in to] or None
    if dry_run:
        planned = plan_delivery(app.store, app.config, digest_id, recipients=recipients)
        rows = [_planned_row(p) for p in planned]
        if as_json:
            echo_json({"digest_id": planned[0].outgoing.digest_id, "transport": describe_transport(app.config),
                       "messages": rows})
            return
        click.echo(f"dry run: digest {planned[0].outgoing.digest_id} ({planned[0].outgoing.day}) "
                   f"via {describe_transport(app.config)}; nothing is sent")
        for row in rows:
            click.echo(f"\n{row['recipient']}: {row['action']}")
            for key, label in (("subject", "Subject"), ("from", "From"), ("reply_to", "Reply-To"), ("message_id", "Message-ID")):
                if row[key]:
                    click.echo(f"  {label + ':':12} {row[key]}")
            click.echo(f"  {'Tracks:':12} {', '.join(row['tracks']) or '(none)'}")
            parts = ", ".join(f"{p['type']}{' ' + p['filename'] if p['filename'] else ''} {_size(p['bytes'])}" for p in row["parts"])
            click.echo(f"  {'Parts:':12} {parts}; {_size(row['size'])} in all")
        return
    report = deliver_digest(app.store, app.config, digest_id, recipients=recipients, retry_failed=retry_failed)
    if as_json:
        echo_json({"digest_id": report.digest_id, "transport": report.transport, "ok": report.ok,
                   "outcomes": [o.__dict__ for o in report.outcomes]})
    else:
        for o in report.outcomes:
            click.echo(f"{o.status:13} {o.recipient}  {o.detail or o.message_id or ''}".rstrip())
        click.echo(f"digest {report.digest_id} via {report.transport}: {report.count('sent')} sent, "
                   f"{report.count('already-sent')} already sent, {report.count('skipped')} skipped, "
                   f"{report.count('pending')} pending, {report.count('failed')} failed")
    if not report.ok:
        sys.exit(7)


@cli.command("deliveries")
@click.option("--digest", "digest_id", type=int, help="Only this digest's deliveries.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def deliveries_command(app: AppContext, digest_id: int | None, as_json: bool) -> None:
    """Show the delivery ledger: digest, recipient, status, attempts, Message-ID, last error."""
    rows = [d.__dict__ for d in app.store.list_deliveries(digest_id)]
    if as_json:
        echo_json(rows)
        return
    table = Table()
    for column in ("digest", "recipient", "status", "attempts", "sent", "message-id / last error"):
        table.add_column(column, overflow="fold")
    for r in rows:
        sent = f"{r['sent_at']:%Y-%m-%d %H:%M}" if r["sent_at"] else ""
        table.add_row(str(r["digest_id"]), r["recipient"], r["status"], str(r["attempts"]), sent,
                      r["last_error"] if r["status"] != "sent" and r["last_error"] else r["message_id"] or "")
    Console().print(table)


@cli.command("run")
@click.option("--no-standby", is_flag=True,
              help="Exit at once (code 8) when another `digest run` is active on this database, instead of standing by.")
@click.pass_context
def run_command(ctx: click.Context, no_standby: bool) -> None:
    """Run the scheduler until SIGTERM or Ctrl-C: poll the sources every [schedule] poll_minutes,
    and every day at [schedule] time ([schedule] timezone) ingest, build and deliver the briefing.

    One scheduler is active per database; a second `digest run` stands by and takes over when
    the first stops or dies. On SIGTERM or Ctrl-C the running job finishes first.
    """
    app: AppContext = ctx.obj
    if not ctx.find_root().params.get("quiet") and logging.getLogger().level > logging.INFO:
        logging.getLogger().setLevel(logging.INFO)  # a service says what it does
    run_scheduler(app.store, app.config, standby=not no_standby)
