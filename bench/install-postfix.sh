#!/usr/bin/env bash
# Debian's postfix, for smtp-sink and smtp-source only: a policy-rc.d keeps the Postfix daemon from starting.
set -euo pipefail
if command -v smtp-sink >/dev/null || [ -x /usr/sbin/smtp-sink ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
[ -n "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -v lock)" ] || apt-get update -q
printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
apt-get install -y -q --no-install-recommends postfix >/dev/null
rm -f /usr/sbin/policy-rc.d
