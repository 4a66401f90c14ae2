#!/usr/bin/env bash
# Removes what deploy/install.sh installed. Idempotent: missing pieces are skipped. Needs root.
#
#   sudo deploy/uninstall.sh [--purge]
#
# Stops and disables shadowd, then removes the binaries, unit, sysusers, tmpfiles and catalog files and the
# installed README. Keeps the database and spool (/var/lib/shadowd) and the configuration (/etc/shadowd), and the
# shadowd user and group, unless --purge is given: then those are deleted too.
set -euo pipefail

purge=0
while (($#)); do
    case $1 in
        --purge) purge=1 ;;
        -h | --help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ $(id -u) -eq 0 ]] || { echo "uninstall.sh: needs root (sudo deploy/uninstall.sh)" >&2; exit 1; }

unit=/usr/local/lib/systemd/system/shadowd.service
catalog=/usr/lib/systemd/catalog/shadowd.catalog
say() { echo "uninstall.sh: $*"; }

# remove PATH…: deletes each path that exists and says so.
remove() {
    local path
    for path in "$@"; do
        if [[ -e $path || -L $path ]]; then
            rm -rf -- "$path"
            say "removed $path"
        fi
    done
}

if [[ -d /run/systemd/system ]]; then
    if systemctl is-active --quiet shadowd.service; then
        systemctl stop shadowd.service
        say "stopped shadowd"
    fi
    if [[ -e $unit ]] && systemctl is-enabled --quiet shadowd.service 2>/dev/null; then
        systemctl disable --quiet shadowd.service
        say "disabled shadowd"
    fi
elif [[ -e $unit ]]; then
    SYSTEMD_OFFLINE=1 systemctl disable --quiet shadowd.service 2>/dev/null \
        || systemctl --root=/ disable --quiet shadowd.service
fi

remove /usr/local/bin/shadowd /usr/local/bin/shadowctl "$unit" /usr/lib/sysusers.d/shadowd.conf \
    /usr/lib/tmpfiles.d/shadowd.conf /usr/local/share/doc/shadowd
# Parent folders install.sh may have created, only when now empty.
rmdir --ignore-fail-on-non-empty /usr/local/lib/systemd/system /usr/local/lib/systemd /usr/local/share/doc 2>/dev/null || true
if [[ -e $catalog ]]; then
    remove "$catalog"
    journalctl --update-catalog
fi
if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl reset-failed shadowd.service 2>/dev/null || true
fi

if ((purge)); then
    remove /var/lib/shadowd /etc/shadowd /run/shadowd
    if getent passwd shadowd >/dev/null; then
        userdel shadowd
        say "deleted user shadowd"
    fi
    if getent group shadowd >/dev/null; then
        groupdel shadowd
        say "deleted group shadowd"
    fi
else
    for kept in /var/lib/shadowd /etc/shadowd; do
        if [[ -e $kept ]]; then say "kept $kept (use --purge to delete it)"; fi
    done
fi
say "done"
