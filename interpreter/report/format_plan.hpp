#pragma once
// Rendering a purchase plan for people (what `tariff plan` prints, and a plan value in a script)
// and for tools (JSON with every number an exact string).
#include <string>

#include "interpreter/billing/plan.hpp"

namespace tariff {

// "packs", "postpaid", "tie" or "none": the plan's verdict, as text and in JSON.
const char* plan_winner_name(Plan::Winner winner);

// The cheapest packs, the cheapest in one size, postpaid by month and the winner; ends with a newline.
std::string format_plan_text(const Plan& plan);
// One JSON object; ends with a newline.
std::string format_plan_json(const Plan& plan);

}  // namespace tariff
