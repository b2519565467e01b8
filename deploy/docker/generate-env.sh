#!/bin/sh
# Writes .env for docker-compose.yml: .env.example with a fresh random value for every
# empty one (24 random bytes, hex). Refuses to overwrite an existing .env, whose secrets
# may already be in volumes (database users, the auth server's keystore).
#
# Usage (from anywhere in the project): deploy/docker/generate-env.sh
set -eu

root="$(cd "$(dirname "$0")/../.." && pwd)"
example="$root/.env.example"
target="$root/.env"

if [ -e "$target" ]; then
	echo "$target exists; remove it first to start over (and docker compose down -v, since" >&2
	echo "the databases and the keystore keep the passwords they were created with)." >&2
	exit 1
fi

random() {
	od -An -tx1 -N24 /dev/urandom | tr -d ' \n'
}

umask 077
while IFS= read -r line || [ -n "$line" ]; do
	case "$line" in
	[A-Z]*=)
		printf '%s%s\n' "$line" "$(random)"
		;;
	*)
		printf '%s\n' "$line"
		;;
	esac
done < "$example" > "$target"
echo "Wrote $target (readable by you only)."
