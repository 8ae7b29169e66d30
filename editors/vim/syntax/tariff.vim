" Vim syntax for tariff rule files (the TextMate grammar's scopes, in Vim's groups).
if exists("b:current_syntax") | finish | endif
syntax keyword tariffKeyword product currency cycle source meter aka actions unit added retired free per for each of unless
syntax keyword tariffKeyword grant valid when packs stackable not refundable requires postpaid band by settle draw month until scenario
syntax keyword tariffKeyword settlement freeze alert below notice total example usage buy held state expect
syntax keyword tariffKeyword discrepancy fee includes pack grants note from to step up else rated accounts are
syntax keyword tariffKeyword let fn if then assert and or
syntax keyword tariffConstant true false volume graduated postpaid_quantity inf
syntax match tariffConstant "∞\|联系商务"
syntax match tariffNumber "\<\d\+\(_\d\{3}\)*\(\.\d\+\)\?\(%\|万\|亿\)\?"
syntax match tariffBar "|"
syntax region tariffString start=+"+ end=+"\|$+
syntax match tariffComment "#.*$"
highlight default link tariffKeyword Keyword
highlight default link tariffConstant Constant
highlight default link tariffNumber Number
highlight default link tariffBar Delimiter
highlight default link tariffString String
highlight default link tariffComment Comment
let b:current_syntax = "tariff"
