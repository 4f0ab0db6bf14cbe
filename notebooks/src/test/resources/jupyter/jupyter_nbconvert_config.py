# nbconvert's configuration inside the build (JUPYTER_CONFIG_DIR=notebooks/target/jupyter/config), copied
# there by JupyterRoute. rapaio-jupyter-kernel 3.0.1 binds its sockets, then builds its JShell, and only then
# registers its message handlers: a kernel_info_request that arrives in between kills its shell thread (a
# NullPointerException in Channels.getHandler) and the kernel never answers. Jupyter sends that request as soon
# as the kernel process is launched, so wait a little before talking to it. A start that hangs all the same is
# retried by JupyterRoute.
import asyncio
import inspect

from jupyter_client.manager import AsyncKernelManager


class LetTheKernelSettle(AsyncKernelManager):
    async def post_start_kernel(self, **kw):
        started = super().post_start_kernel(**kw)
        if inspect.isawaitable(started):  # a coroutine in jupyter_client 7 (Debian 12), plain before
            await started
        await asyncio.sleep(5)


c.ExecutePreprocessor.kernel_manager_class = LetTheKernelSettle
