# Formatting with the toolchain's swift-format and the repository's .swift-format.

format_paths() {
    echo Package.swift Sources Tests
}

cmd_format() {
    # shellcheck disable=SC2046
    swift format format --in-place --parallel --recursive $(format_paths)
}

check_format() {
    echo "==> checking formatting"
    # shellcheck disable=SC2046
    swift format lint --strict --parallel --recursive $(format_paths)
}
