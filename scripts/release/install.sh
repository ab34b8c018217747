#!/bin/sh
# Installs, upgrades or uninstalls the hall's server from this unpacked release, as a
# systemd service (docs/operations.md, Install). Run as root from the release's folder:
#   ./install.sh [--tls-init "--name 东门大厅 --host hall.local --ip 192.168.1.20"]
#   ./install.sh --uninstall [--purge]     (--purge also deletes the data and the user)
# A newer release over an installed one is an upgrade: a backup first (admin backup),
# refused when the data's schema is newer than this release knows, then the migration
# and the new version started; it prints how to roll back.
# Paths and names are overridable (the release test installs into a temporary folder):
#   PREFIX (/opt/checkpoint-server), DATA_DIR (/var/lib/checkpoint-server),
#   CONF_DIR (/etc/checkpoint-server), UNIT_DIR (/etc/systemd/system),
#   BIN_DIR (/usr/local/bin), SERVICE (checkpoint-server), SERVICE_USER (checkpoint),
#   NO_SYSTEMCTL=1 (write the unit, but neither reload, enable, start nor stop).
set -eu

PREFIX="${PREFIX:-/opt/checkpoint-server}"
DATA_DIR="${DATA_DIR:-/var/lib/checkpoint-server}"
CONF_DIR="${CONF_DIR:-/etc/checkpoint-server}"
UNIT_DIR="${UNIT_DIR:-/etc/systemd/system}"
BIN_DIR="${BIN_DIR:-/usr/local/bin}"
SERVICE="${SERVICE:-checkpoint-server}"
SERVICE_USER="${SERVICE_USER:-checkpoint}"
NO_SYSTEMCTL="${NO_SYSTEMCTL:-0}"
ENV_FILE="$CONF_DIR/$SERVICE.env"
UNIT="$UNIT_DIR/$SERVICE.service"
ADMIN="$BIN_DIR/$SERVICE-admin"
SRC="$(cd "$(dirname "$0")" && pwd)"

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$1" >&2; exit "${2:-1}"; }
systemctl_() { [ "$NO_SYSTEMCTL" = 1 ] || systemctl "$@"; }

action=install
purge=0
tls_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) action=uninstall ;;
    --purge) purge=1 ;;
    --tls-init) tls_args="${2:?--tls-init needs its arguments in one word}"; shift ;;
    --no-systemctl) NO_SYSTEMCTL=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) fail "unknown argument $1 (--help)" 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || fail "run as root (it creates a user, a service and $DATA_DIR)" 2

if [ "$action" = uninstall ]; then
  systemctl_ disable --now "$SERVICE" 2>/dev/null || true
  rm -f "$UNIT" "$ADMIN"
  systemctl_ daemon-reload || true
  rm -rf "$PREFIX"
  if [ "$purge" = 1 ]; then
    rm -rf "$DATA_DIR" "$CONF_DIR"
    id "$SERVICE_USER" >/dev/null 2>&1 && userdel "$SERVICE_USER"
    say "uninstalled $SERVICE; its data, settings and user are deleted"
  else
    say "uninstalled $SERVICE; the data stays in $DATA_DIR and the settings in $ENV_FILE"
    say "(./install.sh --uninstall --purge deletes them)"
  fi
  exit 0
fi

# --- The release is whole and this machine's Node can run it.
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS) || fail "the release's files do not match SHA256SUMS: download it again"
NODE="$(command -v node || true)"
[ -n "$NODE" ] || fail "no node on PATH: install Node $(sed -n 's/.*"major": \([0-9]*\).*/\1/p' "$SRC/MANIFEST.json")"
"$NODE" --import "$SRC/server/preflight.mjs" -e '' || fail "this Node cannot run the release" 3
manifest() { "$NODE" -e "process.stdout.write(String(require(process.argv[1])$1))" "$SRC/MANIFEST.json"; }
VERSION="$(manifest .version)"
RELEASE="$PREFIX/releases/$VERSION"

# --- The user, the data folder (0700), the settings (0600, root's: systemd reads them).
if ! id "$SERVICE_USER" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home \
    --shell /usr/sbin/nologin "$SERVICE_USER"
  say "created the system user $SERVICE_USER"
fi
mkdir -p "$DATA_DIR" "$CONF_DIR" "$PREFIX/releases" "$UNIT_DIR" "$BIN_DIR"
chown "$SERVICE_USER:$SERVICE_USER" "$DATA_DIR"
chmod 0700 "$DATA_DIR"

new_secrets=""
if [ ! -f "$ENV_FILE" ]; then
  token() { "$NODE" -e "process.stdout.write(require('node:crypto').randomBytes(24).toString('base64url'))"; }
  admin_token="$(token)"
  metrics_token="$(token)"
  umask 077
  cat > "$ENV_FILE" <<EOF
# The hall server's settings (docs/operations.md). Only root reads this file.
DATA_DIR=$DATA_DIR
HOST=0.0.0.0
ADMIN_TOKEN=$admin_token
METRICS_TOKEN=$metrics_token
LOG_LEVEL=info
EOF
  umask 022
  new_secrets="ADMIN_TOKEN=$admin_token
METRICS_TOKEN=$metrics_token"
fi
chmod 0600 "$ENV_FILE"
chown root:root "$ENV_FILE"

# The admin command: the settings read, run as the service's user (files it writes in
# the data folder stay the service's).
cat > "$ADMIN.new" <<EOF
#!/bin/sh
# The hall server's admin CLI (docs/operations.md), as the service's user.
set -a; . "$ENV_FILE"; set +a
if [ "\$(id -u)" = 0 ] && [ "$SERVICE_USER" != root ]; then
  exec runuser -u "$SERVICE_USER" -- env NODE="$NODE" "$PREFIX/current/bin/checkpoint-admin" "\$@"
fi
exec env NODE="$NODE" "$PREFIX/current/bin/checkpoint-admin" "\$@"
EOF
chmod 0755 "$ADMIN.new"
mv "$ADMIN.new" "$ADMIN"

# --- An upgrade: back up with the running version, refuse what this one cannot open.
previous=""
backup=""
if [ -L "$PREFIX/current" ]; then
  previous="$(basename "$(readlink -f "$PREFIX/current")")"
  [ "$previous" != "$VERSION" ] || fail "version $VERSION is installed already" 0
  if grep -q '^DATABASE_URL=' "$ENV_FILE"; then
    say "DATABASE_URL is set: back PostgreSQL up with pg_dump before going on (docs/postgresql.md)"
  elif [ -f "$DATA_DIR/checkpoint.sqlite" ]; then
    mkdir -p "$DATA_DIR/backups"
    chown "$SERVICE_USER:$SERVICE_USER" "$DATA_DIR/backups"
    backup="$DATA_DIR/backups/before-$VERSION-from-$previous-$(date -u +%Y%m%dT%H%M%SZ).db"
    "$ADMIN" backup "$backup" || fail "the backup before the upgrade failed: nothing was changed"
    set -a; . "$ENV_FILE"; set +a
    if ! check="$(runuser -u "$SERVICE_USER" -- env NODE="$NODE" "$SRC/bin/checkpoint-admin" backup --check "$backup" 2>&1)"; then
      fail "refusing to install $VERSION over $previous: $check. Version $previous stays installed and running." 4
    fi
  fi
  systemctl_ stop "$SERVICE"
fi

# --- The release in place, then the data migrated by it (as the service's user).
rm -rf "$RELEASE.new"
cp -a "$SRC" "$RELEASE.new"
rm -rf "$RELEASE"
mv "$RELEASE.new" "$RELEASE"
chown -R root:root "$RELEASE"
ln -sfn "$RELEASE" "$PREFIX/current.new"
mv -T "$PREFIX/current.new" "$PREFIX/current"
if ! migrated="$("$ADMIN" migrate 2>&1)"; then
  [ -n "$previous" ] || fail "$VERSION cannot open the data in $DATA_DIR: $migrated" 5
  ln -sfn "$PREFIX/releases/$previous" "$PREFIX/current"
  systemctl_ start "$SERVICE"
  fail "the migration failed ($migrated); $previous is back in place and started" 5
fi
say "$migrated"
[ -z "$tls_args" ] || eval "\"\$ADMIN\" tls init $tls_args"

# --- The service: hardened, restarted on failure, logging to the journal.
cat > "$UNIT" <<EOF
[Unit]
Description=Checkpoint hall server (sync API and the tablets' app)
Documentation=file://$PREFIX/current/docs/operations.md
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$SERVICE_USER
Group=$SERVICE_USER
EnvironmentFile=$ENV_FILE
Environment=NODE=$NODE
WorkingDirectory=$DATA_DIR
ExecStart=$PREFIX/current/bin/checkpoint-server
Restart=on-failure
RestartSec=2
TimeoutStopSec=30
StandardOutput=journal
StandardError=journal
SyslogIdentifier=$SERVICE
UMask=0077
NoNewPrivileges=yes
ProtectSystem=strict
ReadWritePaths=$DATA_DIR
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
LockPersonality=yes
CapabilityBoundingSet=

[Install]
WantedBy=multi-user.target
EOF
systemctl_ daemon-reload
systemctl_ enable "$SERVICE"
systemctl_ restart "$SERVICE"

if [ -n "$previous" ]; then
  say "upgraded $SERVICE from $previous to $VERSION"
  if [ -n "$backup" ]; then
    say "the data before the upgrade: $backup"
    say "to go back to $previous:"
    say "  systemctl stop $SERVICE"
    say "  ln -sfn $PREFIX/releases/$previous $PREFIX/current"
    say "  $ADMIN restore $backup"
    say "  systemctl start $SERVICE"
  fi
else
  say "installed $SERVICE $VERSION: data in $DATA_DIR, settings in $ENV_FILE"
fi
if [ -n "$new_secrets" ]; then
  say ""
  say "The admin and metrics tokens, shown this once (they stay only in $ENV_FILE):"
  say "$new_secrets"
fi
[ "$NO_SYSTEMCTL" = 1 ] || say "logs: journalctl -u $SERVICE"
