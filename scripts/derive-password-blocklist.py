"""Writes blocklist.txt and LICENSE-zxcvbn.txt from the installed zxcvbn 4.5.0 package.

The blocklist keeps the entries of zxcvbn's "passwords" frequency list that are at least
MIN_LENGTH characters long (shorter ones are already refused by the length rule), lower-cased,
de-duplicated, in the package's frequency order, one per line.
"""
import importlib.metadata
import pathlib
import sys

MIN_LENGTH = 8
EXPECTED_VERSION = "4.5.0"


def main(output_dir: pathlib.Path) -> None:
    version = importlib.metadata.version("zxcvbn")
    if version != EXPECTED_VERSION:
        sys.exit(f"expected zxcvbn {EXPECTED_VERSION}, found {version}")
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    seen = set()
    entries = []
    for word in FREQUENCY_LISTS["passwords"]:
        lowered = word.strip().lower()
        if len(lowered) >= MIN_LENGTH and lowered not in seen:
            seen.add(lowered)
            entries.append(lowered)

    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "blocklist.txt").write_text("\n".join(entries) + "\n", encoding="utf-8")

    licence = importlib.metadata.distribution("zxcvbn").read_text("LICENSE.txt") or ""
    header = (
        "blocklist.txt is derived from the \"passwords\" frequency list of the zxcvbn "
        f"{EXPECTED_VERSION} Python package (https://pypi.org/project/zxcvbn/), by "
        "scripts/derive-password-blocklist: entries of at least "
        f"{MIN_LENGTH} characters, lower-cased.\n"
        "The frequency lists originate in Dropbox's zxcvbn "
        "(https://github.com/dropbox/zxcvbn, MIT licence, "
        "Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.).\n"
        "The Python package is distributed under this licence:\n\n"
    )
    (output_dir / "LICENSE-zxcvbn.txt").write_text(header + licence.strip() + "\n", encoding="utf-8")
    print(f"wrote {len(entries)} entries to {output_dir / 'blocklist.txt'}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
