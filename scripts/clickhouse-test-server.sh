#!/usr/bin/env bash
# Starts a throwaway ClickHouse server on loopback for the ClickHouse store's tests, with its own
# config and data folder, and waits until it answers. Prints the PID.
#   scripts/clickhouse-test-server.sh FOLDER HTTP_PORT TCP_PORT [SHARD_TCP_PORTS]
# SHARD_TCP_PORTS (such as 19000,19001) defines the cluster `loupe` of one shard per loopback
# server listed: start each of them with the same list to shard a database over them.
# Debian's `clickhouse-server` package (18.16) is enough: apt-get install clickhouse-server.
set -euo pipefail
folder="$1"; http_port="$2"; tcp_port="$3"; shard_ports="${4:-}"
# A server already answering there would be tested instead of this one, and then vanish.
if curl -fsS "http://127.0.0.1:$http_port/?query=SELECT%201" >/dev/null 2>&1; then
    echo "something already answers on port $http_port: stop it or choose another port" >&2
    exit 1
fi
mkdir -p "$folder/data" "$folder/tmp" "$folder/log"
cluster=""
if [ -n "$shard_ports" ]; then
    cluster="<remote_servers><loupe>"
    for port in ${shard_ports//,/ }; do
        cluster="$cluster<shard><replica><host>127.0.0.1</host><port>$port</port></replica></shard>"
    done
    cluster="$cluster</loupe></remote_servers>"
fi
cat > "$folder/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger><level>warning</level><log>$folder/log/server.log</log><errorlog>$folder/log/error.log</errorlog><console>0</console></logger>
    <http_port>$http_port</http_port>
    <tcp_port>$tcp_port</tcp_port>
    <listen_host>127.0.0.1</listen_host>
    <path>$folder/data/</path>
    <tmp_path>$folder/tmp/</tmp_path>
    <mark_cache_size>5368709</mark_cache_size>
    <users_config>users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    $cluster
</yandex>
XML
cat > "$folder/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles><default></default></profiles>
    <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
    <quotas><default></default></quotas>
</yandex>
XML
clickhouse-server --config-file="$folder/config.xml" > "$folder/log/stdout" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$http_port/?query=SELECT%201" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$folder/log/stdout" "$folder/log/error.log" >&2 || true; exit 1; fi
    sleep 0.2
done
echo "ClickHouse did not answer on port $http_port" >&2
exit 1
