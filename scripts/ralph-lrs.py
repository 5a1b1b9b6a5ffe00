"""Ralph's LRS on its file-system backend, in one process, for the tests (scripts/test) and the benchmark
(benches/lrs.sh): python ralph-lrs.py HOST PORT. The environment names the rest, as for `ralph runserver`:
RALPH_APP_DIR (its auth.json), RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH (where statements go).

Not `ralph runserver`: that starts uvicorn with reload=True, a watcher process and a worker, and stopping
the watcher can leave the worker serving. And Ralph 5.1.0's file-system backend writes its one file with
the "create" operation, which refuses every write after the first: only the first POST would ever be
stored. Appending is what an LRS kept in one file needs, so it is set here.
"""

import os
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND
os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
