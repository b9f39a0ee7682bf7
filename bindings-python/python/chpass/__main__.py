"""`python -m chpass …` and the `chpass` console script: the Rust command itself."""

import sys

from ._chpass import cli_main


def main() -> None:
    sys.stdout.flush()
    try:
        code = cli_main(sys.argv[1:])
    except KeyboardInterrupt:  # Ctrl-C outside a prompt (a prompt returns 130 itself)
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    main()
