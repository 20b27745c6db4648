# Sourced by the setup scripts. need_package PACKAGE LINE...: as root on Debian, installs the
# package; elsewhere prints the lines (what to do instead) and stops.
need_package() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$1" >/dev/null
  else
    printf '%s\n' "${@:2}" >&2
    exit 1
  fi
}
