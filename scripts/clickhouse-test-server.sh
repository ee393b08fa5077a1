#!/usr/bin/env bash
# Starts a throwaway ClickHouse server on loopback for the ClickHouse store's tests, with its own
# config and data folder, and waits until it answers. Prints the PID.
#   scripts/clickhouse-test-server.sh FOLDER HTTP_PORT TCP_PORT [SHARD_TCP_PORTS [ZOOKEEPER]]
# SHARD_TCP_PORTS (such as 19000,19001) defines the cluster `loupe` of one shard per loopback
# server listed: start each of them with the same list to shard a database over them. Replicas of
# one shard are joined by `+` (19000+19001 is one shard on two servers), and need ZOOKEEPER
# (host:port of a ZooKeeper server, such as Debian's `zookeeper` package runs); the server's
# macros {shard} and {replica} then name its place, as ReplicatedMergeTree paths use them.
# Debian's `clickhouse-server` package (18.16) is enough: apt-get install clickhouse-server.
set -euo pipefail
folder="$1"; http_port="$2"; tcp_port="$3"; shard_ports="${4:-}"; zookeeper="${5:-}"
# A server already answering there would be tested instead of this one, and then vanish.
if curl -fsS "http://127.0.0.1:$http_port/?query=SELECT%201" >/dev/null 2>&1; then
    echo "something already answers on port $http_port: stop it or choose another port" >&2
    exit 1
fi
mkdir -p "$folder/data" "$folder/tmp" "$folder/log"
cluster=""
if [ -n "$shard_ports" ]; then
    cluster="<remote_servers><loupe>"
    shard_number=0
    for shard in ${shard_ports//,/ }; do
        shard_number=$((shard_number + 1))
        cluster="$cluster<shard><internal_replication>true</internal_replication>"
        for port in ${shard//+/ }; do
            cluster="$cluster<replica><host>127.0.0.1</host><port>$port</port></replica>"
            if [ "$port" = "$tcp_port" ]; then
                macros="<macros><shard>$shard_number</shard><replica>r$port</replica></macros>"
            fi
        done
        cluster="$cluster</shard>"
    done
    cluster="$cluster</loupe></remote_servers>${macros:-}"
fi
if [ -n "$zookeeper" ]; then
    cluster="$cluster<zookeeper><node><host>${zookeeper%:*}</host><port>${zookeeper##*:}</port></node></zookeeper>"
    # Replicas fetch each other's parts over the interserver port: the TCP port plus 1000.
    cluster="$cluster<interserver_http_port>$((tcp_port + 1000))</interserver_http_port><interserver_http_host>127.0.0.1</interserver_http_host>"
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
