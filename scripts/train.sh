#!/usr/bin/env bash
# make train: reproduces the shipped models from the shared dataset, synthetic logs and any exported
# feedback: generate → featurize (the C# featurizer the server uses) → train and evaluate (Python)
# → check the ONNX files through ONNX Runtime against what training computed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=/usr/bin/python3
dataset=${FAULTLINE_DATASET:-$root/../shared/datasets/ci-failures}

scripts/deps.sh
[ -f "$dataset/labels.jsonl" ] || { echo "train: no dataset at $dataset (set FAULTLINE_DATASET)" >&2; exit 1; }

$python ml/synthetic.py --out ml/build/synthetic --per-class 150 --seed 7
dotnet build tools/Faultline.Ml -c Release --nologo -v q -clp:ErrorsOnly
ml_tool="dotnet tools/Faultline.Ml/bin/Release/net10.0/Faultline.Ml.dll"
rm -rf ml/build/features
$ml_tool export --manifest "$dataset/labels.jsonl" --root "$dataset" --out ml/build/features/real
$ml_tool export --manifest ml/build/synthetic/labels.jsonl --root ml/build/synthetic --out ml/build/features/synthetic
# Corrections exported from tenants (GET /api/v1/feedback/training-set), one JSON object per line.
if compgen -G "ml/data/feedback/*.jsonl" >/dev/null; then
  cat ml/data/feedback/*.jsonl > ml/build/feedback.jsonl
  $ml_tool export --manifest ml/build/feedback.jsonl --root ml/data/feedback --out ml/build/features/feedback
fi

$python ml/train.py --features ml/build/features --out models --report ml/evaluation.md
$ml_tool verify --models models --dataset "$dataset"
