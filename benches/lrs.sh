#!/usr/bin/env bash
# Sending speed: a data folder with N waiting statements (default 100,000) pushed by the release binary to a
# local Ralph (scripts/with-lrs: file-system backend, 127.0.0.1). Prints statements per second.
#
#   benches/lrs.sh              # build, then 100,000 statements
#   LRS_STATEMENTS=20000 benches/lrs.sh --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${LRS_BIN:-target/release/kynangso}
if [ "${1:-}" != --no-build ]; then
  cargo build --release --locked >&2
fi
n=${LRS_STATEMENTS:-100000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# A journal as the app writes it: 1,000 learners, each with a profile and lessons viewed, quiz attempts
# (with question-level answers) and module completions, N statements in all.
python3 - "$data/journal.jsonl" "$n" <<'PY'
import json, sys, uuid
path, n = sys.argv[1], int(sys.argv[2])
device = str(uuid.uuid4())
at = "2026-11-20T09:00:00.000+07:00"
learners = [str(uuid.uuid4()) for _ in range(1000)]
with open(path, "w", encoding="utf-8") as f:
    def event(learner, kind, **fields):
        f.write(json.dumps({"id": str(uuid.uuid4()), "at": at, "device": device, "learner": learner,
                            "kind": kind, **fields}, ensure_ascii=False) + "\n")
    for i, learner in enumerate(learners):
        event(learner, "learner_created", name=f"Nguyễn Văn Số {i}", unit="Xã Tân Hòa")
    for i in range(n):
        learner = learners[i % len(learners)]
        if i % 3 == 0:
            event(learner, "lesson_viewed", module="01-bao-cao", lesson="gioi-thieu")
        elif i % 3 == 1:
            answers = [{"question": f"q{k}", "correct": k % 4 != 0} for k in range(10)]
            event(learner, "quiz_attempted", module="01-bao-cao", score=8, max=10, passed=True,
                  duration_s=300, answers=answers)
        else:
            event(learner, "module_completed", module="01-bao-cao")
PY
# shellcheck disable=SC2016 # expanded by the inner shell, where the LRS variables are set
scripts/with-lrs bash -c '
  start=$(date +%s.%N)
  "$1" push --lang en --data-dir "$0" --lrs "$KYNANGSO_TEST_LRS_URL" \
    --user "$KYNANGSO_TEST_LRS_USER" --password "$KYNANGSO_TEST_LRS_PASSWORD"
  end=$(date +%s.%N)
  awk -v n="$2" -v s="$start" -v e="$end" "BEGIN { printf \"%d statements in %.1f s: %.0f statements/s\\n\", n, e - s, n / (e - s) }"
' "$data" "$bin" "$n"
