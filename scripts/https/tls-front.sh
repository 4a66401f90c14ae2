# Sourced by scripts/https-e2e.sh and scripts/bench-https.sh: puts a real TLS endpoint (Debian's stunnel4) in front
# of a plain local port. Needs $work (a temp folder holding server.pem and server.key) and a pids array.
# start_tls_front NAME BACKEND_PORT [CERT] → sets tls_port (127.0.0.1, TLS with $work/CERT.pem and CERT.key, server
# by default, forwarding to 127.0.0.1:BACKEND_PORT).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_tls_front() {
    local name="$1" backend="$2" cert="${3:-server}"
    tls_port=$(free_port)
    cat > "$work/$name.stunnel.conf" <<CONF
foreground = yes
pid =
output = $work/$name.stunnel.log
debug = 4
[$name]
accept = 127.0.0.1:$tls_port
connect = 127.0.0.1:$backend
cert = $work/$cert.pem
key = $work/$cert.key
CONF
    stunnel4 "$work/$name.stunnel.conf" > /dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$tls_port") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "stunnel for $name did not start: $(tail -3 "$work/$name.stunnel.log" 2>/dev/null)" >&2
    return 1
}
