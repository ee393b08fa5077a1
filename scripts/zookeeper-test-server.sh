#!/usr/bin/env bash
# Starts a throwaway standalone ZooKeeper on loopback, with its own data folder, for replicated
# ClickHouse test servers (scripts/clickhouse-test-server.sh … ZOOKEEPER), and waits until it
# answers. Prints the PID.
#   scripts/zookeeper-test-server.sh FOLDER PORT
# Debian's `zookeeper` package is enough: apt-get install zookeeper.
set -euo pipefail
folder="$1"; port="$2"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "something already listens on port $port: stop it or choose another port" >&2
    exit 1
fi
mkdir -p "$folder/data"
cat > "$folder/zoo.cfg" <<CFG
tickTime=2000
dataDir=$folder/data
clientPort=$port
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok
CFG
java -cp "/etc/zookeeper/conf:/usr/share/java/zookeeper.jar" org.apache.zookeeper.server.quorum.QuorumPeerMain \
    "$folder/zoo.cfg" > "$folder/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
    answer="$( (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf ruok >&3 && timeout 2 cat <&3) 2>/dev/null || true)"
    if [ "$answer" = imok ]; then
        echo "$pid"; exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$folder/server.log" >&2; exit 1; fi
    sleep 0.2
done
echo "ZooKeeper did not answer on port $port" >&2
exit 1
