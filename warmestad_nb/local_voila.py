"""Voilà for this computer only: `python -m warmestad_nb.local_voila` takes Voilà's own options.

Two differences with `python -m voila`, both for safety on a shared computer:
- Requests must name this computer in their Host header (127.0.0.1, another loopback address or
  localhost); Voilà itself accepts any Host, which lets a web page in the user's browser reach the
  server through DNS rebinding. jupyter_server refuses the others (403) once remote access is off.
- The token comes from the environment (JUPYTER_TOKEN, read by jupyter_server's identity
  provider), not from the command line, where every user of the computer can read it.
"""

from __future__ import annotations

from traitlets import default
from voila.app import Voila


class LocalVoila(Voila):
    @default("auto_token")
    def _token_required(self) -> bool:
        # Without a token option Voila would switch authentication off; with auto_token the identity
        # provider takes JUPYTER_TOKEN (or makes one up): never a server without a token.
        return True

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["allow_remote_access"] = False  # Voila sets True: every Host header passed
        settings["local_hostnames"] = ["localhost"]
        return settings


if __name__ == "__main__":
    LocalVoila.launch_instance()
