// The one translation unit that instantiates the resource-file grammar.
#include "resource_grammar_def.hpp"

namespace chronoweave::impl {
namespace x3 = boost::spirit::x3;
namespace grammar {
using iterator_type = std::string_view::const_iterator;
using context_type = x3::phrase_parse_context<x3::ascii::space_type>::type;
using plain_context_type = x3::unused_type;
BOOST_SPIRIT_INSTANTIATE(rule_line_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(lexicon_line_type, iterator_type, plain_context_type)
}  // namespace grammar

bool parse_rule_line(std::string_view line, ast::RuleLine& out) {
    auto first = line.begin();
    return x3::phrase_parse(first, line.end(), grammar::rule_line, x3::ascii::space, out) && first == line.end();
}

bool parse_lexicon_line(std::string_view line, ast::LexiconLine& out) {
    auto first = line.begin();
    return x3::parse(first, line.end(), grammar::lexicon_line, out) && first == line.end();
}

}  // namespace chronoweave::impl
