#!/usr/bin/env bash
# Usage: scripts/systemd/check-unit.sh [UNIT]  (default systemd/shadowd.service). Runs every check, fails if any fails:
#  1. `systemd-analyze security --offline=yes` rates shadowd.service's exposure at most 1.5 (SHADOWD_MAX_EXPOSURE);
#  2. `systemd-analyze verify` prints nothing at all (it exits 0 even on warnings, so any output fails);
#  3. shadowd.sysusers and shadowd.tmpfiles apply cleanly to an empty root and give the documented owners/modes.
# ExecStart names /usr/local/bin/shadowd, which verify requires to exist. As root, verify runs in a private mount
# namespace with a stub executable bound over /usr/local/bin (the host is untouched); otherwise on a copy of the
# unit whose ExecStart points at a stub, and it says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
unit=${1:-systemd/shadowd.service}
max=${SHADOWD_MAX_EXPOSURE:-1.5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "check-unit: FAIL: $*" >&2; status=1; }

# 1. Exposure score.
security=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) || true
score=$(printf '%s\n' "$security" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9][0-9.]*\).*/\1/p')
if [[ -z $score ]]; then
    printf '%s\n' "$security" >&2
    fail "systemd-analyze security printed no exposure level"
elif awk -v s="$score" -v m="$max" 'BEGIN { exit !(s > m) }'; then
    printf '%s\n' "$security" | grep -F '✗' >&2 || true
    fail "exposure $score > $max"
else
    echo "check-unit: exposure $score (limit $max)"
fi

# 2. verify must be silent.
stub_dir=$work/bin
mkdir -p "$stub_dir"
printf '#!/bin/sh\nexit 0\n' >"$stub_dir/shadowd"
chmod 0755 "$stub_dir/shadowd"
if [[ -x /usr/local/bin/shadowd ]]; then
    verify=$(systemd-analyze verify "$unit" 2>&1) || true
elif [[ $(id -u) -eq 0 ]] && unshare --mount --propagation private true 2>/dev/null; then
    verify=$(unshare --mount --propagation private -- sh -c \
        'mount --bind "$1" /usr/local/bin && exec systemd-analyze verify "$2"' sh "$stub_dir" "$unit" 2>&1) || true
else
    echo "check-unit: not root: verifying a copy whose ExecStart points at a stub" >&2
    sed "s|/usr/local/bin/shadowd|$stub_dir/shadowd|g" "$unit" >"$work/shadowd.service"
    verify=$(systemd-analyze verify "$work/shadowd.service" 2>&1) || true
fi
if [[ -n $verify ]]; then
    printf '%s\n' "$verify" >&2
    fail "systemd-analyze verify printed output"
else
    echo "check-unit: verify clean"
fi

# 3. sysusers and tmpfiles into an empty root.
root=$work/root
mkdir -p "$root/etc" "$root/usr/lib/sysusers.d" "$root/usr/lib/tmpfiles.d"
cp systemd/shadowd.sysusers "$root/usr/lib/sysusers.d/shadowd.conf"
if [[ $(id -u) -eq 0 ]]; then
    cp systemd/shadowd.tmpfiles "$root/usr/lib/tmpfiles.d/shadowd.conf"
else
    # Only root may chown: check syntax and modes with the caller as owner.
    sed "s/ shadowd shadowd / $(id -u) $(id -g) /" systemd/shadowd.tmpfiles >"$root/usr/lib/tmpfiles.d/shadowd.conf"
fi
if ! out=$(systemd-sysusers --root="$root" 2>&1); then
    printf '%s\n' "$out" >&2
    fail "systemd-sysusers rejected shadowd.sysusers"
elif ! grep -q '^shadowd:x:[0-9]*:[0-9]*:[^:]*:/var/lib/shadowd:/usr/sbin/nologin$' "$root/etc/passwd" \
    || ! grep -q '^shadowd:x:' "$root/etc/group"; then
    fail "systemd-sysusers did not create user and group shadowd with no login shell"
elif ! out=$(systemd-tmpfiles --create --root="$root" 2>&1) || [[ -n $out ]]; then
    printf '%s\n' "$out" >&2
    fail "systemd-tmpfiles --create failed or printed output"
else
    uid=$(awk -F: '$1 == "shadowd" { print $3 }' "$root/etc/passwd")
    gid=$(awk -F: '$1 == "shadowd" { print $3 }' "$root/etc/group")
    [[ $(id -u) -eq 0 ]] || { uid=$(id -u); gid=$(id -g); }
    expected="0750 $uid $gid /var/lib/shadowd
2770 $uid $gid /var/lib/shadowd/spool
2770 $uid $gid /var/lib/shadowd/spool/done
2770 $uid $gid /var/lib/shadowd/spool/failed"
    actual=$(cd "$root" && stat -c '%a %u %g /%n' var/lib/shadowd var/lib/shadowd/spool \
        var/lib/shadowd/spool/done var/lib/shadowd/spool/failed | sed 's/^750 /0750 /')
    if [[ $actual != "$expected" ]]; then
        printf 'expected:\n%s\nactual:\n%s\n' "$expected" "$actual" >&2
        fail "tmpfiles created unexpected owners or modes"
    else
        echo "check-unit: sysusers and tmpfiles apply cleanly"
    fi
fi
exit "$status"
