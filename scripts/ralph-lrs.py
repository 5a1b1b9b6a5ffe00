"""Ralph's LRS on its file-system backend, in one process, for the tests (scripts/test) and the benchmark
(benches/lrs.sh): python ralph-lrs.py HOST PORT. The environment names the rest, as for `ralph runserver`:
RALPH_APP_DIR (its auth.json), RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH (where statements go).

Not `ralph runserver`: that starts uvicorn with reload=True, a watcher process and a worker, and stopping
the watcher can leave the worker serving. And Ralph 5.1.0's file-system backend writes its one file with
the "create" operation, which refuses every write after the first: only the first POST would ever be
stored. Appending is what an LRS kept in one file needs, so it is set here. And before every write Ralph asks
the backend which of the ids it already holds; the file-system backend answers by reading its whole file, so
a POST gets slower with every statement stored (100,000 statements would take hours). An index of the ids
held, kept in memory and filled from the file at the first question, answers the same thing at once.
Neither change touches how Ralph checks, stores or returns statements.
"""

import os
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

from ralph.backends.lrs.fs import FSLRSBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

_held = {}  # target -> {statement id: statement}
_write = FSLRSBackend.write


def _index(backend, target):
    if target not in _held:
        _held[target] = {
            s.get("id"): s for s in backend.read(query=backend.settings.DEFAULT_LRS_FILE, target=target)
        }
    return _held[target]


def write(self, data, target=None, chunk_size=None, ignore_errors=False, operation_type=None):
    data = list(data)
    held = _index(self, target)
    count = _write(self, data, target, chunk_size, ignore_errors, operation_type)
    for statement in data:
        if isinstance(statement, dict):
            held[statement.get("id")] = statement
    return count


def query_statements_by_ids(self, ids, target=None):
    held = _index(self, target)
    return [held[i] for i in ids if i in held]


FSLRSBackend.write = write
FSLRSBackend.query_statements_by_ids = query_statements_by_ids
os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
