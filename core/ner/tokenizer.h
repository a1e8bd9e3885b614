// Plain text -> sentences of CoNLL-style tokens with byte offsets.
//
// The model was trained on Reuters text tokenized the CoNLL way: punctuation and quotes are
// tokens of their own, "Trump's" is "Trump" + "'s", "U.S." and "1996-08-22" stay whole. The
// tokenizer reproduces that on raw UTF-8 (curly quotes, no-break spaces, dashes) and keeps
// the byte range of every token so that entities point back into the input.
#pragma once

#include <string_view>

#include "core/ner/document.h"

namespace newsdex::ner {

// Sentence::words hold the exact input bytes of each token; Sentence::starts/ends their
// byte offsets [start, end). Sentences end at . ! ? followed by a capital or a quote, at
// blank lines, and at line breaks that do not look like wrapped text. Invalid UTF-8 bytes
// become one-byte tokens; nothing is dropped but whitespace.
Document tokenize_text(std::string_view text);

}  // namespace newsdex::ner
