#!/usr/bin/env bash
# Builds podium's Debian package (x86-64): the binary linked against glibc 2.28, so that it
# runs on UOS 20 (glibc 2.28), Kylin V10 (2.31), Debian 10+ and Ubuntu 20.04+.
#
#   packaging/build-deb.sh            # writes target/debian/podium_VERSION_amd64.deb
#
# Needs: zig (`pip install ziglang`), cargo-zigbuild (`cargo install cargo-zigbuild`),
# dpkg-deb and objdump (Debian's dpkg and binutils). Run from anywhere inside the project.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

GLIBC=2.28
TARGET=x86_64-unknown-linux-gnu
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if [ -z "$version" ]; then
    echo "build-deb: no version line in Cargo.toml" >&2
    exit 1
fi

for tool in cargo-zigbuild dpkg-deb objdump; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build-deb: $tool is missing (see the comment at the top of this script)" >&2
        exit 1
    fi
done

cargo zigbuild --release --locked --target "$TARGET.$GLIBC"
binary="$TARGET_DIR/$TARGET/release/podium"

# No symbol may need a glibc newer than the oldest one we promise.
newest=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
if [ "$(printf '%s\n%s\n' "$newest" "$GLIBC" | sort -V | tail -n 1)" != "$GLIBC" ]; then
    echo "build-deb: the binary needs glibc $newest, more than $GLIBC:" >&2
    objdump -T "$binary" | grep "GLIBC_$newest" >&2
    exit 1
fi
echo "build-deb: the newest glibc symbol the binary needs is $newest (at most $GLIBC)"

stage="$TARGET_DIR/debian/stage"
rm -rf "$stage"
install -D -m 0755 "$binary" "$stage/usr/bin/podium"
install -D -m 0644 README.md "$stage/usr/share/doc/podium/README.md"
for doc in docs/*.md; do
    install -D -m 0644 "$doc" "$stage/usr/share/doc/podium/$(basename "$doc")"
done
for plan in data/*.json; do
    install -D -m 0644 "$plan" "$stage/usr/share/podium/samples/$(basename "$plan")"
done
cat >"$stage/usr/share/doc/podium/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: podium
Files: *
License: MIT
COPYRIGHT
installed_size=$(du -sk "$stage/usr" | cut -f 1)
install -d "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: podium
Version: $version
Architecture: amd64
Maintainer: podium <podium@localhost>
Depends: libc6 (>= $GLIBC)
Installed-Size: $installed_size
Section: utils
Priority: optional
Description: terminal console for live report meetings
 Steps through the units of a report meeting, times each talk against its limit,
 takes the reviewers' remarks as they are spoken, records scores, ranks the units and
 keeps the whole meeting on disk as it happens. Sample plans are in
 /usr/share/podium/samples.
CONTROL
out="$TARGET_DIR/debian/podium_${version}_amd64.deb"
dpkg-deb --root-owner-group --build "$stage" "$out" >/dev/null
echo "build-deb: wrote $out"
