R = {
'courses/onboarding/using-the-platform.zh.mdx': [
 ("可以反复重试，系统记录你的最好成绩。", "可以反复重试；哪一次成绩计入进度和晋升，取决于测验和目标职级的规则。"),
 ("你在这门课测验中的最佳成绩，", "你在这门课测验中的成绩，"),
 ("测验有三种题型：单选题、多选题（选择所有正确项）和判断题。评分在服务器上完成，", "<QuestionTypes />\n\n评分在服务器上完成，"),
 ("多选题按全对才得分计算，少选或多选都算错。", "多选题少选或多选一项都算错。"),
 ("<KeyTerm id=\"best-score\" />", "## 哪一次成绩算数\n\n同一份测验可以做很多次，每一次都会保存下来，你随时能在测验下方回看。但算数的成绩要分两处看：课程页和“我的学习”按每份测验自己的设置取成绩，多数测验取你最好的一次；晋升条件则按你要晋升到的职级来算，有的职级取每份测验最好的一次，有的取你全部作答的平均分。所以到了后面几级，每一次作答都要认真对待。各级的规则以平台设置为准：\n\n<LadderTable />"),
 ("| 测验平均分 | 你自己 | 相关单元测验最佳成绩的平均值达到要求 |", "| 测验平均分 | 你自己 | 相关测验的平均分达到该职级的要求，计分方式见上表 |"),
],
'courses/onboarding/using-the-platform.en.mdx': [
 ("you can retry as often as you like, and your best score is the one that counts.", "you can retry as often as you like; which attempt counts towards progress and promotion depends on the quiz and on the level you are aiming for."),
 ("your best quiz score in that course and one button", "your quiz score in that course and one button"),
 ("There are three question types: single choice, multiple choice (select every correct option) and true or false. Grading happens on the server,", "<QuestionTypes />\n\nGrading happens on the server,"),
 ("A multiple-choice question scores only if you get it entirely right — one option missed or one too many and it counts as wrong.", "In a multiple-choice question, one option missed or one too many counts as wrong."),
 ("<KeyTerm id=\"best-score\" />", "## Which attempt counts\n\nYou can take the same quiz many times, and every attempt is kept; you can look back at them under the quiz. Which score counts depends on where you look. Course pages and My learning take each quiz's own setting, and most quizzes count your best attempt. Promotion conditions follow the level you are being promoted to: some levels take the best attempt of each quiz, others the average of all your attempts — so at the higher levels every attempt matters. The platform's current settings for each level:\n\n<LadderTable />"),
 ("| Average quiz score | You | The average of your best scores on the relevant quizzes meets the bar |", "| Average quiz score | You | The average of the relevant quizzes meets that level's bar, scored as the table above shows |"),
],
'courses/onboarding/promotion-at-a-glance.zh.mdx': [
 ("| 培训 | 完成规定的课程、测验和练习 | 相关测验最佳成绩的平均分达到要求 |", "| 培训 | 完成规定的课程、测验和练习 | 相关测验的平均分达到要求，计分方式因职级而异（见下表） |"),
],
'courses/onboarding/promotion-at-a-glance.en.mdx': [
 ("| Training | The required courses, quizzes and exercises | The average of your best scores on the relevant quizzes meets the bar |", "| Training | The required courses, quizzes and exercises | The average of the relevant quizzes meets the bar; how each quiz is scored depends on the level (see the table below) |"),
],
'courses/career/promotion-criteria.zh.mdx': [
 ("4. 确认培训条件：相关单元已标记完成，测验最佳成绩的平均分达到要求。", "4. 确认培训条件：相关单元已标记完成，测验平均分按目标职级的规则达到要求。例如晋升销售主管：<LadderRule level=\"supervisor\" rule=\"quiz\" />。"),
],
'courses/career/promotion-criteria.en.mdx': [
 ("4. Check the training conditions: the relevant modules marked complete, and the average of your best quiz scores at the required level.", "4. Check the training conditions: the relevant modules marked complete, and your quiz average at the required level under the rule of the level you are aiming for. For sales supervisor, for example: <LadderRule level=\"supervisor\" rule=\"quiz\" />."),
],
'courses/career/assessment-and-incentives.zh.mdx': [
 ("| 长期指标 | 客户生命周期价值 | 一个客户在整个合作期内能带来多少收入 |", "| 长期指标 | 客户生命周期价值 | 一个客户在整个合作期内能带来多少毛利 |"),
],
'courses/career/assessment-and-incentives.en.mdx': [
 ("| Long-term | Customer lifetime value | How much revenue a customer brings over the whole relationship |", "| Long-term | Customer lifetime value | How much gross profit a customer brings over the whole relationship |"),
],
'courses/sales-skills/data-and-market-sense.zh.mdx': [
 ("<KeyTerm id=\"close-rate\" />", "<KeyTerm id=\"close-rate\" />\n\n按这个口径，小吴本季度的成交率是 4 ÷ 9，约 44%，和团队人均的 8 ÷ 18 一样。差距不在报价之后：从有效商机算起，他只成交了 4 ÷ 60，约 6.7%，团队是 8 ÷ 60，约 13.3%。只看一个比例，你知道差了多少；把漏斗摊开，才知道差在哪一步。"),
],
'courses/sales-skills/data-and-market-sense.en.mdx': [
 ("<KeyTerm id=\"close-rate\" />", "<KeyTerm id=\"close-rate\" />\n\nOn that basis Xiao Wu's close rate this quarter was 4 ÷ 9, about 44% — the same as the team's 8 ÷ 18. The gap lies before the quote: counted from qualified opportunities he closed only 4 ÷ 60, about 6.7%, against the team's 8 ÷ 60, about 13.3%. One ratio tells you how big the gap is; only the funnel tells you where it is."),
],
'courses/sales-workflow/presentation-and-negotiation.zh.mdx': [
 ("答不上来的技术问题，不要含糊带过，说清楚什么时候、由谁给答复。", "答不上来的技术问题，不要含糊带过，说清楚什么时候、由谁给答复。\n\n<Callout type=\"note\" title=\"四步和五步是同一个方法\">\n\n销售技能课的“异议处理”单元教的是五步：听、认、问、答、确认。那里把这里的“确认”拆成了两步——先认可客户的顾虑，再用一个问题找出真实原因——因为那个单元专门练习分辨真实异议和托辞。在推介现场记住四步就够了；想练得更细，去学那个单元。\n\n</Callout>"),
],
'courses/sales-workflow/presentation-and-negotiation.en.mdx': [
 ("If you can't answer a technical question, don't bluff — say when, and from whom, they will get an answer.", "If you can't answer a technical question, don't bluff — say when, and from whom, they will get an answer.\n\n<Callout type=\"note\" title=\"Four steps and five steps are one method\">\n\nThe Objection handling module in the Sales skills course teaches five steps: hear, acknowledge, ask, answer, confirm. It splits this module's “confirm” in two — first acknowledge the concern, then ask a question to find the real reason — because that module trains you to tell a genuine objection from a smokescreen. In a live presentation the four steps are enough; for the finer drill, take that module.\n\n</Callout>"),
],
'courses/sales-skills/objection-handling.zh.mdx': [
 ("5. **确认**：问“这样回答了您的顾虑吗？”得到肯定后，约定具体的下一步。\n\n</Steps>", "5. **确认**：问“这样回答了您的顾虑吗？”得到肯定后，约定具体的下一步。\n\n</Steps>\n\n<Callout type=\"note\" title=\"为什么这里是五步\">\n\n销售业务流程课的“方案推介与商务谈判”单元用的是四步：倾听、确认、回应、核实。两者是同一个方法：那里的“确认”在这里拆成了“认”和“问”，因为本单元要练的正是先接住顾虑、再问出它背后的真实原因，分清真实异议和托辞。在推介现场按四步走没有问题。\n\n</Callout>"),
],
}
ok=True
for path, pairs in R.items():
    s=open(path).read()
    for old,new in pairs:
        if s.count(old)!=1: print('MISMATCH',path,s.count(old),old[:50]); ok=False; continue
        s=s.replace(old,new)
    open(path,'w').write(s)
print('done' if ok else 'errors')
