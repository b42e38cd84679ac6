// Parses a UTF-16 text with tree-sitter and writes every node of the tree, in document order, into one
// Int32Array of NODE_SLOTS slots per node (see the enum). Copying a tree through node-tree-sitter's cursor costs
// four to seven calls across the JavaScript/native boundary per node, more than the parse itself; here the walk
// stays in C and JavaScript reads plain integers (src/c/native-copy.ts decodes them).
#include <node_api.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

enum {
  SLOT_SYMBOL,      // ts_node_symbol: the visible symbol (aliases resolved), 65535 for ERROR
  SLOT_FIELD,       // the field the node fills in its parent, 0 for none
  SLOT_START,       // start offset in UTF-16 units
  SLOT_END,         // end offset in UTF-16 units
  SLOT_START_ROW,
  SLOT_END_ROW,
  SLOT_FLAGS,       // FLAG_*
  SLOT_DESCENDANTS, // how many nodes follow that lie inside this one
  NODE_SLOTS
};
// Named-ness is the symbol's (JavaScript reads it from symbols()); only missing-ness is per node.
enum { FLAG_MISSING = 1 };

// tree-sitter's type tag for language objects ("tree-sitter", "language" hashed with BLAKE2), as its bindings
// set it: an External without it is not a TSLanguage.
static const napi_type_tag LANGUAGE_TAG = {0x8AF2E5212AD58ABF, 0xD5006CAD83ABBA16};

#define CHECK(call)                                                         \
  do {                                                                      \
    if ((call) != napi_ok) {                                                \
      napi_throw_error(env, NULL, "tree_copy: N-API call failed: " #call); \
      return NULL;                                                          \
    }                                                                       \
  } while (0)

// One parser per thread (each --jobs worker is its own N-API environment), reused: creating one costs more than
// parsing a small fragment.
typedef struct {
  TSParser *parser;
  const TSLanguage *language;
} Instance;

static void delete_instance(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Instance *instance = data;
  if (instance->parser) ts_parser_delete(instance->parser);
  free(instance);
}

static const TSLanguage *language_of(napi_env env, napi_value value) {
  napi_valuetype type;
  if (napi_typeof(env, value, &type) != napi_ok) return NULL;
  if (type == napi_object) {
    napi_value inner;
    if (napi_get_named_property(env, value, "language", &inner) != napi_ok) return NULL;
    value = inner;
    if (napi_typeof(env, value, &type) != napi_ok) return NULL;
  }
  bool tagged = false;
  void *data = NULL;
  if (type != napi_external || napi_check_object_type_tag(env, value, &LANGUAGE_TAG, &tagged) != napi_ok || !tagged ||
      napi_get_value_external(env, value, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, NULL, "tree_copy: the first argument is not a tree-sitter language");
    return NULL;
  }
  const TSLanguage *language = data;
  uint32_t version = ts_language_abi_version(language);
  if (version < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || version > TREE_SITTER_LANGUAGE_VERSION) {
    napi_throw_range_error(env, NULL, "tree_copy: the language's ABI version is not supported by this runtime");
    return NULL;
  }
  return language;
}

// The call's first `want` arguments into argv, the first being a language; NULL (with an exception thrown) when
// there are fewer or the first is not a language. `usage` names the call in the message.
static const TSLanguage *language_call(napi_env env, napi_callback_info info, size_t want, napi_value *argv, const char *usage) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) {
    napi_throw_error(env, NULL, "tree_copy: could not read the arguments");
    return NULL;
  }
  if (argc < want) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  return language_of(env, argv[0]);
}

// parse(language, text): Int32Array
static napi_value parse(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  const TSLanguage *language = language_call(env, info, 2, argv, "tree_copy: parse(language, text) takes two arguments");
  if (!language) return NULL;
  napi_valuetype text_type;
  CHECK(napi_typeof(env, argv[1], &text_type));
  if (text_type != napi_string) {
    napi_throw_type_error(env, NULL, "tree_copy: the text must be a string");
    return NULL;
  }
  size_t length;
  CHECK(napi_get_value_string_utf16(env, argv[1], NULL, 0, &length));
  if (length > UINT32_MAX / sizeof(char16_t) - 1) {
    napi_throw_range_error(env, NULL, "tree_copy: the text is too long for tree-sitter (4 GB)");
    return NULL;
  }
  char16_t *text = malloc((length + 1) * sizeof(char16_t));
  if (!text) {
    napi_throw_error(env, NULL, "tree_copy: out of memory");
    return NULL;
  }
  size_t copied;
  if (napi_get_value_string_utf16(env, argv[1], text, length + 1, &copied) != napi_ok) {
    free(text);
    napi_throw_error(env, NULL, "tree_copy: could not read the text");
    return NULL;
  }

  Instance *instance = NULL;
  if (napi_get_instance_data(env, (void **)&instance) != napi_ok || !instance) {
    free(text);
    napi_throw_error(env, NULL, "tree_copy: the addon was not initialised");
    return NULL;
  }
  if (instance->language != language) {
    if (!ts_parser_set_language(instance->parser, language)) {
      free(text);
      napi_throw_error(env, NULL, "tree_copy: the parser rejected the language");
      return NULL;
    }
    instance->language = language;
  }
  TSTree *tree = ts_parser_parse_string_encoding(instance->parser, NULL, (const char *)text, (uint32_t)(length * sizeof(char16_t)),
                                                 TSInputEncodingUTF16LE);
  free(text);
  if (!tree) {
    napi_throw_error(env, NULL, "tree_copy: tree-sitter returned no tree");
    return NULL;
  }

  TSNode root = ts_tree_root_node(tree);
  uint32_t count = ts_node_descendant_count(root);
  void *data;
  napi_value buffer, array;
  if (napi_create_arraybuffer(env, (size_t)count * NODE_SLOTS * sizeof(int32_t), &data, &buffer) != napi_ok) {
    ts_tree_delete(tree);
    napi_throw_error(env, NULL, "tree_copy: could not allocate the node array");
    return NULL;
  }
  int32_t *out = data;
  // Indices of the records of the nodes the walk is inside, to fill in their descendant counts on the way out.
  uint32_t *open = malloc(sizeof(uint32_t) * 64);
  uint32_t open_cap = 64, depth = 0, written = 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (written == count) break;  // cannot happen: descendant_count counts every node the cursor visits
    int32_t *r = out + (size_t)written * NODE_SLOTS;
    r[SLOT_SYMBOL] = ts_node_symbol(node);
    r[SLOT_FIELD] = ts_tree_cursor_current_field_id(&cursor);
    r[SLOT_START] = (int32_t)(ts_node_start_byte(node) / sizeof(char16_t));
    r[SLOT_END] = (int32_t)(ts_node_end_byte(node) / sizeof(char16_t));
    r[SLOT_START_ROW] = (int32_t)ts_node_start_point(node).row;
    r[SLOT_END_ROW] = (int32_t)ts_node_end_point(node).row;
    r[SLOT_FLAGS] = ts_node_is_missing(node) ? FLAG_MISSING : 0;
    r[SLOT_DESCENDANTS] = 0;
    uint32_t index = written++;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (depth == open_cap) {
        open_cap *= 2;
        uint32_t *grown = realloc(open, sizeof(uint32_t) * open_cap);
        if (!grown) break;
        open = grown;
      }
      open[depth++] = index;
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (depth == 0) {
        done = true;
        break;
      }
      ts_tree_cursor_goto_parent(&cursor);
      uint32_t parent = open[--depth];
      out[(size_t)parent * NODE_SLOTS + SLOT_DESCENDANTS] = (int32_t)(written - parent - 1);
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cursor);
  ts_tree_delete(tree);
  free(open);
  if (written != count) {
    napi_throw_error(env, NULL, "tree_copy: the walk did not visit every node (out of memory?)");
    return NULL;
  }
  CHECK(napi_create_typedarray(env, napi_int32_array, (size_t)count * NODE_SLOTS, buffer, 0, &array));
  return array;
}

// symbols(language): { names: string[], named: boolean[], fields: (string | null)[] }, indexed by id.
static napi_value symbols(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  const TSLanguage *language = language_call(env, info, 1, argv, "tree_copy: symbols(language) takes one argument");
  if (!language) return NULL;
  napi_value result, names, named, fields, value;
  uint32_t symbol_count = ts_language_symbol_count(language);
  uint32_t field_count = ts_language_field_count(language);
  CHECK(napi_create_object(env, &result));
  CHECK(napi_create_array_with_length(env, symbol_count, &names));
  CHECK(napi_create_array_with_length(env, symbol_count, &named));
  CHECK(napi_create_array_with_length(env, field_count + 1, &fields));
  for (uint32_t i = 0; i < symbol_count; i++) {
    CHECK(napi_create_string_utf8(env, ts_language_symbol_name(language, (TSSymbol)i), NAPI_AUTO_LENGTH, &value));
    CHECK(napi_set_element(env, names, i, value));
    CHECK(napi_get_boolean(env, ts_language_symbol_type(language, (TSSymbol)i) == TSSymbolTypeRegular, &value));
    CHECK(napi_set_element(env, named, i, value));
  }
  CHECK(napi_get_null(env, &value));
  CHECK(napi_set_element(env, fields, 0, value));
  for (uint32_t i = 1; i <= field_count; i++) {
    const char *name = ts_language_field_name_for_id(language, (TSFieldId)i);
    if (name) CHECK(napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &value));
    else CHECK(napi_get_null(env, &value));
    CHECK(napi_set_element(env, fields, i, value));
  }
  CHECK(napi_set_named_property(env, result, "names", names));
  CHECK(napi_set_named_property(env, result, "named", named));
  CHECK(napi_set_named_property(env, result, "fields", fields));
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  Instance *instance = calloc(1, sizeof(Instance));
  if (!instance) return NULL;
  instance->parser = ts_parser_new();
  if (!instance->parser || napi_set_instance_data(env, instance, delete_instance, NULL) != napi_ok) {
    delete_instance(env, instance, NULL);
    return NULL;
  }
  napi_property_descriptor props[] = {
      {"parse", NULL, parse, NULL, NULL, NULL, napi_default, NULL},
      {"symbols", NULL, symbols, NULL, NULL, NULL, napi_default, NULL},
      {"nodeSlots", NULL, NULL, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_value slots;
  if (napi_create_int32(env, NODE_SLOTS, &slots) != napi_ok) return NULL;
  props[2].value = slots;
  if (napi_define_properties(env, exports, 3, props) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
