bill body_analysis 人体检测=5000 --suspended --json --rules @RULES@/body_analysis.tariff
