"""`python -m chpass …` and the `chpass` console script: the Rust command itself."""

import sys

from ._chpass import cli_main


def main() -> None:
    sys.stdout.flush()
    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
