# p2pdma-review's native tree copier: parses a text with tree-sitter and returns the whole tree as one
# Int32Array, so the JavaScript side builds its plain copy without a native call per node. The tree-sitter
# runtime is compiled from the copy the `tree-sitter` package vendors; the C grammar is tree-sitter-c's own
# binding, passed in as its language object. Built by scripts/build-native.ts (part of `npm run build`).
{
  "targets": [
    {
      "target_name": "tree_copy",
      "sources": [
        "tree_copy.c",
        "../node_modules/tree-sitter/vendor/tree-sitter/lib/src/lib.c",
      ],
      "include_dirs": [
        "../node_modules/tree-sitter/vendor/tree-sitter/lib/src",
        "../node_modules/tree-sitter/vendor/tree-sitter/lib/include",
      ],
      "defines": ["NAPI_VERSION=8", "_POSIX_C_SOURCE=200112L", "_DEFAULT_SOURCE"],
      "cflags_c": ["-std=c11", "-O2", "-fvisibility=hidden"],
      "xcode_settings": {"GCC_SYMBOLS_PRIVATE_EXTERN": "YES", "OTHER_CFLAGS": ["-std=c11", "-O2"]},
      "msvs_settings": {"VCCLCompilerTool": {"AdditionalOptions": ["/std:c11"]}},
    }
  ]
}
