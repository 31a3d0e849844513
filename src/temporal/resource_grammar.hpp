#pragma once
// The grammar of the resource files: rule lines and lexicon lines. Declared here, defined in
// resource_grammar_def.hpp, instantiated once in resource_grammar.cpp.
#include <string>
#include <utility>
#include <vector>

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/fusion/include/std_pair.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

namespace chronoweave::impl::ast {

using KeyValue = std::pair<std::string, std::string>;

// name: lexemes... => key=value...
struct RuleLine {
    std::string name;
    std::vector<std::string> lexemes;  // "(", ")", "|", "?", "/", "@class", "#slot", "'literal'"
    std::vector<KeyValue> actions;
};

// phrase <TAB> key=value... [<TAB> flags]
struct LexiconLine {
    std::string phrase;
    std::vector<KeyValue> assignments;
    std::vector<std::string> flags;
};

}  // namespace chronoweave::impl::ast

BOOST_FUSION_ADAPT_STRUCT(chronoweave::impl::ast::RuleLine, name, lexemes, actions)
BOOST_FUSION_ADAPT_STRUCT(chronoweave::impl::ast::LexiconLine, phrase, assignments, flags)

namespace chronoweave::impl::grammar {

namespace x3 = boost::spirit::x3;
using rule_line_type = x3::rule<class rule_line_class, ast::RuleLine>;
using lexicon_line_type = x3::rule<class lexicon_line_class, ast::LexiconLine>;
BOOST_SPIRIT_DECLARE(rule_line_type, lexicon_line_type)

}  // namespace chronoweave::impl::grammar

namespace chronoweave::impl {
// Parse one non-blank, non-comment line; false when it does not follow the grammar.
bool parse_rule_line(std::string_view line, ast::RuleLine& out);
bool parse_lexicon_line(std::string_view line, ast::LexiconLine& out);
}  // namespace chronoweave::impl
