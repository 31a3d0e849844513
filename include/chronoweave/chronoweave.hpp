#pragma once
// The whole public API of chronoweave.
#include <chronoweave/calendar.hpp>
#include <chronoweave/document.hpp>
#include <chronoweave/error.hpp>
#include <chronoweave/event.hpp>
#include <chronoweave/extractor.hpp>
#include <chronoweave/json.hpp>
#include <chronoweave/relation.hpp>
#include <chronoweave/span.hpp>
#include <chronoweave/text.hpp>
#include <chronoweave/timeml.hpp>
#include <chronoweave/timeline.hpp>
#include <chronoweave/timex.hpp>
#include <chronoweave/version.hpp>
