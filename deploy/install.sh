#!/usr/bin/env bash
# Installs shadowd as a systemd service. Idempotent: running it again updates what changed and restarts the
# daemon only when its binary, unit or configuration files changed. Needs root.
#
#   sudo deploy/install.sh [--no-build] [--no-start] [--scratch-path DIR]
#
#   --no-build          use the binaries already in DIR/release (default .build/release) instead of building
#   --no-start          install and enable, but do not start (or restart) the service
#   --scratch-path DIR  the SwiftPM build folder (default .build)
#
# Installs: /usr/local/bin/{shadowd,shadowctl}, /usr/local/lib/systemd/system/shadowd.service,
# /usr/lib/sysusers.d/shadowd.conf (then systemd-sysusers), /usr/lib/tmpfiles.d/shadowd.conf (then
# systemd-tmpfiles --create), /usr/lib/systemd/catalog/shadowd.catalog when systemd/shadowd.catalog exists (then
# journalctl --update-catalog), /usr/local/share/doc/shadowd/README.md, and /etc/shadowd/shadowd.toml from
# deploy/shadowd.toml only when no configuration exists yet. deploy/uninstall.sh reverses it.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=1
start=1
scratch=$repo/.build
while (($#)); do
    case $1 in
        --no-build) build=0 ;;
        --no-start) start=0 ;;
        --scratch-path) scratch=$(realpath -m "${2:?--scratch-path needs a folder}"); shift ;;
        --scratch-path=*) scratch=$(realpath -m "${1#*=}") ;;
        -h | --help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ $(id -u) -eq 0 ]] || { echo "install.sh: needs root (sudo deploy/install.sh)" >&2; exit 1; }

bin_dir=/usr/local/bin
unit_dir=/usr/local/lib/systemd/system
unit=$unit_dir/shadowd.service
sysusers=/usr/lib/sysusers.d/shadowd.conf
tmpfiles=/usr/lib/tmpfiles.d/shadowd.conf
catalog=/usr/lib/systemd/catalog/shadowd.catalog
doc_dir=/usr/local/share/doc/shadowd
config=/etc/shadowd/shadowd.toml
changed=0

say() { echo "install.sh: $*"; }
fail_start() {
    echo "install.sh: shadowd did not start; see: systemctl status shadowd; journalctl -u shadowd -b" >&2
    exit 1
}

# put SOURCE DEST MODE: installs SOURCE as DEST (atomically, by rename) unless identical.
# Sets updated=1 when DEST changed; any failure stops the script.
put() {
    local source=$1 dest=$2 mode=$3
    updated=0
    if [[ -f $dest ]] && cmp -s "$source" "$dest"; then
        chmod "$mode" "$dest"
        return 0
    fi
    mkdir -p "$(dirname "$dest")"
    install -m "$mode" "$source" "$dest.new.$$"
    mv -f "$dest.new.$$" "$dest"
    say "installed $dest"
    updated=1
}

# put_restarting SOURCE DEST MODE: like put, for files the running daemon must be restarted to pick up.
put_restarting() {
    put "$@"
    if ((updated)); then changed=1; fi
}

if ((build)); then
    export PATH="/opt/swift/usr/bin:$PATH"
    say "building release binaries with --static-swift-stdlib (into $scratch)"
    (cd "$repo" && swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product shadowd \
        && swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product shadowctl)
fi
for binary in shadowd shadowctl; do
    [[ -x $scratch/release/$binary ]] || {
        echo "install.sh: $scratch/release/$binary is missing (build it, or drop --no-build)" >&2
        exit 1
    }
done

put_restarting "$scratch/release/shadowd" "$bin_dir/shadowd" 0755
put "$scratch/release/shadowctl" "$bin_dir/shadowctl" 0755
put_restarting "$repo/systemd/shadowd.service" "$unit" 0644
if [[ -e /etc/systemd/system/shadowd.service ]]; then
    say "warning: /etc/systemd/system/shadowd.service exists and overrides $unit"
fi

put "$repo/systemd/shadowd.sysusers" "$sysusers" 0644
systemd-sysusers "$sysusers"
put "$repo/systemd/shadowd.tmpfiles" "$tmpfiles" 0644
systemd-tmpfiles --create "$tmpfiles"

if [[ -f $repo/systemd/shadowd.catalog ]]; then
    put "$repo/systemd/shadowd.catalog" "$catalog" 0644
    if ((updated)) || [[ ! -f /var/lib/systemd/catalog/database ]]; then journalctl --update-catalog; fi
fi
if [[ -f $repo/README.md ]]; then put "$repo/README.md" "$doc_dir/README.md" 0644; fi

install -d -m 0755 /etc/shadowd
if [[ ! -e $config ]]; then
    install -m 0640 -o root -g shadowd "$repo/deploy/shadowd.toml" "$config"
    say "installed $config (edit it: models, sources, triggers)"
    changed=1
else
    say "kept existing $config"
fi

if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl enable --quiet shadowd.service
    if ((start)); then
        "$bin_dir/shadowd" check-config --config "$config" || {
            echo "install.sh: $config is not valid; fix it, then: systemctl start shadowd" >&2
            exit 1
        }
        if ! systemctl is-active --quiet shadowd.service; then
            systemctl start shadowd.service || fail_start
            say "started shadowd"
        elif ((changed)); then
            systemctl restart shadowd.service || fail_start
            say "restarted shadowd"
        else
            say "shadowd already running and unchanged"
        fi
    fi
else
    # Not booted with systemd (a container or chroot): enable by links only.
    SYSTEMD_OFFLINE=1 systemctl enable --quiet shadowd.service 2>/dev/null \
        || systemctl --root=/ enable --quiet shadowd.service
    say "systemd is not running here: enabled shadowd, not started"
fi
say "done"
