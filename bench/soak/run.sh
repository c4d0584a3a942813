#!/usr/bin/env bash
# The reliability soak: kill -9 twenty times in a 20,000-recipient campaign, the relay away for 60 s, 4xx/5xx
# refusals, the database's disk filling up (a real tmpfs when run as root, else a database refusing writes),
# restarts with a scheduled and a paused campaign. Prints the table that docs/RELIABILITY.md keeps.
# Usage: bench/soak/run.sh [kill relay refusals lost-answer disk restart]   (all when none is named; about 10
# minutes on 2 cores; the service's log goes to target/soak.log)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/soak-classpath.txt >/dev/null
# a copy of the classes: the soak's child JVMs start for minutes, and a rebuild meanwhile must not change them
rm -rf target/soak-classes && mkdir -p target/soak-classes
cp -r target/classes target/soak-classes/main && cp -r target/test-classes target/soak-classes/test
CP=target/soak-classes/test:target/soak-classes/main:$(cat target/soak-classpath.txt)
java -Xmx1g -Dlogback.configurationFile=bench/soak/logback.xml -cp "$CP" org.mailroom.faults.Soak "$@"
