"""Voilà for this computer only: `python -m warmestad_nb.local_voila` takes Voilà's own options.

The differences with `python -m voila`, for safety on a shared computer, against a leak, for speed:
- Requests must name this computer in their Host header (127.0.0.1, another loopback address or
  localhost); Voilà itself accepts any Host, which lets a web page in the user's browser reach the
  server through DNS rebinding. jupyter_server refuses the others (403) once remote access is off.
- The token comes from the environment (JUPYTER_TOKEN, read by jupyter_server's identity
  provider), not from the command line, where every user of the computer can read it.
- A page sets the `_xsrf` cookie. When a page is left, Voila's page script asks the server to stop
  its kernel (a POST to /voila/api/shutdown/<kernel>) with the value of that cookie as its `_xsrf`
  field; but no Voila handler ever sets the cookie, so the field is empty, jupyter_server refuses
  the request ("'_xsrf' argument missing", voila-dashboards/voila#1458) and every page view leaves
  a kernel behind until culling. The request keeps its XSRF check: it is now simply answerable.
- A page asked for while the kernel started ahead is still starting (the first page of `warmestad
  app`) waits for that kernel instead of getting a second one (`should_use_rendered_notebook`);
  its kernels start without debugger (`QuickKernels`).
- A stop that leaves no traceback (`stop`): Voila's own stop printed one in some of the Ctrl-Cs
  shortly after a start (a kernel started ahead ended its waiting cell after its sockets were
  closed: ZMQError; or a kernel ended while shutdown_all went through its list: 404).
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil

# First: marks rfc3987_syntax absent, a parser grammar that jupyter_server's jsonschema would build
# for nothing (0.5 s of processor time, seconds under load, before the first kernel is started).
import warmestad_nb.report  # noqa: F401, I001
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_core.utils import ensure_async, run_sync
from tornado import web
from traitlets import default
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler


class PageHandler(TornadoVoilaHandler):
    """Voila's page, with the XSRF cookie its page script sends back when the page is left."""

    async def prepare(self, *args, **kwargs):
        await super().prepare(*args, **kwargs)
        self.xsrf_token  # noqa: B018 - reading it sets the _xsrf cookie on this response

    def should_use_rendered_notebook(self, notebook_data, pool_size, template_name, theme, request_args) -> bool:
        # Voila takes the kernel started ahead only once it has started (notebook_data is filled
        # then); a page asked for earlier, as the first page of `warmestad app` is, got a second
        # kernel of its own, and the two booted side by side on the same processors. The page now
        # waits for the kernel already starting (Voila's get_rendered_notebook awaits it).
        if pool_size and not notebook_data and template_name is None and theme is None:
            return True
        return super().should_use_rendered_notebook(notebook_data, pool_size, template_name, theme, request_args)


async def stop_kernels(manager) -> None:
    """Stop every kernel of Voila's kernel manager, all at once, each on its own (one that ended
    meanwhile is no error).

    Kernels started ahead still wait, in a running cell, for the page that would use them: they hold
    nothing to save and are ended at once; a graceful stop would let that cell end after the kernel
    closed its sockets (a ZMQError traceback from the kernel). The others get the graceful stop.
    """
    pools, manager._pools = getattr(manager, "_pools", {}), {}
    tasks = [task for pool in pools.values() for task in pool]
    waiting = {task.result()["kernel_id"] for task in tasks
               if task.done() and not task.cancelled() and task.exception() is None}

    async def stop(kernel_id: str, now: bool) -> None:
        with contextlib.suppress(web.HTTPError, KeyError, RuntimeError):  # already gone or going
            await ensure_async(manager.shutdown_kernel(kernel_id, now=now))

    async def stop_when_started(task) -> None:
        try:
            kernel_id = (await task)["kernel_id"]
        except Exception:  # noqa: BLE001 - a kernel that failed to start: nothing to stop
            return
        await stop(kernel_id, True)

    await asyncio.gather(*(stop(kernel_id, kernel_id in waiting) for kernel_id in manager.list_kernel_ids()),
                         *(stop_when_started(task) for task in tasks if not task.done()))


class QuickKernels(KernelSpecManager):
    """Python kernels started as the report's kernel is (report/ipykernel_launcher.py: no debugger,
    which Voila never uses, and no garbage collection while it boots): 0.1-0.3 s less before a page's
    cells run, the first page of `warmestad app` included."""

    def get_kernel_spec(self, kernel_name: str, *args, **kwargs):
        spec = super().get_kernel_spec(kernel_name, *args, **kwargs)
        if spec.argv[1:3] == ["-m", "ipykernel_launcher"]:
            spec.argv = [spec.argv[0], "-m", "warmestad_nb.report.ipykernel_launcher", *spec.argv[3:]]
        return spec


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

    def stop(self) -> None:
        shutil.rmtree(self.connection_dir, ignore_errors=True)
        run_sync(stop_kernels)(self.kernel_manager)

    def init_handlers(self) -> list:
        return [(route, PageHandler, *rest) if handler is TornadoVoilaHandler else (route, handler, *rest)
                for route, handler, *rest in super().init_handlers()]


if __name__ == "__main__":
    LocalVoila.launch_instance()
