#pragma once
#include "resource_grammar.hpp"

namespace chronoweave::impl::grammar {

using x3::char_;
using x3::lexeme;
using x3::lit;

inline const auto identifier = lexeme[+(x3::alnum | char_("_.-"))];
inline const auto key_value = x3::rule<class key_value, ast::KeyValue>{"key_value"} =
    lexeme[+(x3::alnum | char_('_')) >> '=' >> +(x3::graph)];

// 'word', or "'" for the one literal a single-quoted form cannot spell.
inline const auto quoted = lexeme[char_('\'') >> +(char_ - '\'') >> char_('\'')] |
                           lexeme[char_('"') >> +(char_ - '"') >> char_('"')];
inline const auto sigiled = lexeme[char_("@#") >> +(x3::alnum | char_('_'))];
inline const auto operator_ = x3::rule<class operator_, std::string>{"operator"} = x3::repeat(1)[char_("()|?/")];
inline const auto pattern_lexeme = x3::rule<class pattern_lexeme, std::string>{"pattern_lexeme"} =
    quoted | sigiled | operator_;

rule_line_type const rule_line = "rule_line";
lexicon_line_type const lexicon_line = "lexicon_line";

inline const auto rule_line_def = identifier >> ':' >> +pattern_lexeme >> "=>" >> *key_value;

// The phrase runs up to the first tab; assignments and flags are separated by blanks.
inline const auto blank = lit(' ');
inline const auto phrase = x3::rule<class phrase, std::string>{"phrase"} = +(char_ - '\t');
inline const auto assignments = x3::rule<class assignments, std::vector<ast::KeyValue>>{"assignments"} =
    key_value % +blank;
inline const auto flag = x3::rule<class flag, std::string>{"flag"} = identifier;
inline const auto flags = x3::rule<class flags, std::vector<std::string>>{"flags"} = -(lit('\t') >> (flag % +blank));
inline const auto lexicon_line_def = phrase >> '\t' >> assignments >> flags;

BOOST_SPIRIT_DEFINE(rule_line, lexicon_line)

}  // namespace chronoweave::impl::grammar
