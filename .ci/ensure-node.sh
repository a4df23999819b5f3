#!/usr/bin/env bash
# Prints a PATH export that puts a Node.js of the version package.json declares (22) first, installing it from
# the npm registry (the node-linux-<arch> package ships the official binary) when the machine's node is older.
# Usage: eval "$(.ci/ensure-node.sh)"
set -euo pipefail
want=22
have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have" -ge "$want" ]; then exit 0; fi
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "no Node $want package for $(uname -m)" >&2; exit 1 ;; esac
dir="${LINLI_NODE_DIR:-/tmp/linli-node$want}"
if [ ! -x "$dir/node_modules/node-linux-$arch/bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save "node-linux-$arch@$want" >&2
fi
echo "export PATH=$dir/node_modules/node-linux-$arch/bin:\$PATH"
