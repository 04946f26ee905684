"""Console: alerts printed to standard output, for the demo and for trying a config."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from monitor.alerts.model import Rendered
from monitor.alerts.notifiers import register
from monitor.config.settings import NotifierSettings

SEPARATOR = "-" * 72


# Not frozen: the Notifier protocol declares ``name`` a plain (writable) attribute.
@dataclass(slots=True, kw_only=True)
class ConsoleNotifier:
    """Prints ``Rendered.text`` after a separator line, so consecutive alerts stand apart."""

    name: str

    def send(self, message: Rendered, *, idempotency_key: str) -> str:
        """Print the message; return "printed"."""
        # sys.stdout is looked up at each call, so a redirected or captured stdout is honoured.
        out = sys.stdout
        text = f"{SEPARATOR}\n{message.text.rstrip()}\n"
        try:
            out.write(text)
        except UnicodeEncodeError:
            # A terminal that cannot show a dash or an accent still gets the alert's figures.
            encoding = out.encoding or "ascii"
            out.write(text.encode(encoding, errors="replace").decode(encoding))
        out.flush()
        return "printed"


@register("console")
def build_console(settings: NotifierSettings, *, timeout: float) -> ConsoleNotifier:
    """Build the notifier of a ``type = "console"`` table (it has no options)."""
    return ConsoleNotifier(name=settings.name)
