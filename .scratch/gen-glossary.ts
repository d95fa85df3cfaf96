import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
const terms: any[] = JSON.parse(readFileSync('.scratch/terms.json', 'utf8'));
// Which id a lesson's KeyTerm becomes, where the English-slug id is not the one we keep.
const remap: Record<string, string[]> = {
  'courses/roles/department-posts|直接上级': ['line-manager'],
  'courses/roles/field-ladder|直线上级与权限上级': ['line-manager', 'functional-superior'],
  'courses/sales-workflow/presentation-and-negotiation|谈判纪要': ['negotiation-record'],
  'courses/sales-skills/data-and-market-sense|客户获取成本与生命周期价值': ['customer-acquisition-cost', 'customer-lifetime-value'],
};
type Text = { zh: string; en: string };
const override: Record<string, { term?: Text; definition: Text }> = {
  'line-manager': {
    term: { zh: '直接上级', en: 'Line manager' },
    definition: {
      zh: '给你布置日常工作、检查进度并考核你的人，请示、汇报和求助都先找他。在销售部，销售员、网络推广专员和客服专员的直接上级都是销售主管，而不是销售部经理。',
      en: 'The person who gives you your day-to-day work, checks your progress and assesses you; questions, reports and requests for help go to them first. In the sales department the line manager of salespeople, online promotion specialists and customer service specialists is the sales supervisor, not the department manager.',
    },
  },
  'functional-superior': {
    definition: {
      zh: '不安排你的日常工作，但在审批、授权这类事项上有最终决定权的上级。例如省级经理的直接上级是大区经理，权限上级是销售总监。两者不是同一人时，日常工作找直接上级，超出自己授权的事项要经权限上级批准。',
      en: 'A superior who does not run your day-to-day work but has the final say on approvals and delegated powers. A provincial manager’s line manager, for instance, is the regional manager, while the sales director is their functional superior. When the two differ, day-to-day work goes to the line manager and anything beyond your delegated authority needs the functional superior’s approval.',
    },
  },
  'walk-away-point': {
    term: { zh: '谈判底线（退出点）', en: 'Walk-away point' },
    definition: {
      zh: '谈判前定好的、我方还能接受的最差条件，例如最低价格、最长账期；越过它就宁可不成交。具体数值由公司授权决定，销售员不能自行突破。有了它，才能在压力下不为拿单接受一笔亏钱或收不回款的生意。',
      en: 'The least favourable terms we will still accept, fixed before the negotiation — the lowest price, the longest credit period; beyond it we would rather not close. The figures come from the company’s delegation of authority, and a salesperson may not go past them alone. It keeps you from accepting, under pressure, a deal that loses money or will not be paid just to win the order.',
    },
  },
  'negotiation-record': {
    definition: {
      zh: '记录谈判时间、参加人、已达成一致的条款、尚待确认的事项和下一步安排的书面文件。经客户确认后，它是起草合同和合同评审的依据。',
      en: 'A written note of when the negotiation took place, who attended, the terms agreed, the points still open and the next steps. Once the customer confirms it, it is the basis for drafting the contract and for the contract review.',
    },
  },
  'professional-attitude': {
    term: { zh: '职业态度', en: 'Professional attitude' },
    definition: {
      zh: '工作中一贯表现出的责任心、诚信、尊重和自律，例如被拒绝后仍有耐心、对结果负责。入职培训计划把它列为“业务素质”。它不是知识点，却决定了学到的知识能不能用出来：客户可能记不住产品参数，但一定记得你是否守时、是否说到做到。',
      en: 'The responsibility, honesty, respect and self-discipline you show consistently at work — staying patient after a refusal, owning the result. The onboarding training plan lists it as “professional conduct” (业务素质). It is not a body of knowledge, but it decides whether knowledge gets used: customers may forget your product specifications, but they remember whether you were on time and kept your word.',
    },
  },
  'work-order': {
    term: { zh: '产品派工单', en: 'Work order' },
    definition: {
      zh: '定金到账后由销售员填写、经财务审核签字的内部单据，写明产品型号、数量、规格、交期和所有特殊要求。生产、采购和仓库只按它干活：没写进派工单的约定，实际上等于没有约定。',
      en: 'The internal form a salesperson fills in once the deposit has arrived and finance checks and signs, stating model, quantity, specification, delivery date and every special requirement. Production, purchasing and the warehouse work from it alone: anything agreed but not written on it, in practice, was never agreed.',
    },
  },
  'managing-both-process-and-results': {
    term: { zh: '过程与结果双重管理', en: 'Managing both process and results' },
    definition: {
      zh: '销售部经理的工作原则：不等到期末才看数字，而是在指标执行过程中持续检查进度、发现偏差、及时调整。经理既对最终完成率负责，也对过程中的每一次纠偏负责；对销售员来说，周报、拜访记录和机会清单因此也是考核的一部分。',
      en: 'A working principle of the sales department manager: do not wait for the end of the period to look at the numbers, but check progress while targets are being worked on, spot drift and correct it early. The manager answers for the final attainment and for every correction along the way; for salespeople, it means weekly reports, visit notes and opportunity lists are part of the assessment too.',
    },
  },
  'cross-territory-selling': {
    definition: {
      zh: '经销商或销售人员把货卖到不属于自己的区域，通常是以低于当地的价格抢客户。它打乱价格体系、伤害守规矩的经销商；一线人员发现后应如实上报，由负责渠道的经理按规定处理，防止窜货是区域管理者的职责。',
      en: 'A distributor or salesperson selling into a territory that is not theirs, usually undercutting the local price to win customers. It wrecks the price structure and hurts distributors who keep to the rules; front-line staff report it accurately, the manager responsible for channels deals with it under company rules, and preventing it is a territory manager’s duty.',
    },
  },
  'sales-support': {
    definition: {
      zh: '不直接成交、但让成交更顺利的准备和配合工作，例如整理产品和报价资料、准备演示材料、预约会议室、记录会谈要点。初级销售做支持时，能近距离看资深同事怎样推进一单生意。',
      en: 'Work that does not close deals itself but makes closing easier — preparing product and quote documents and presentation slides, booking rooms, taking notes in meetings. Doing it, a junior gets to watch closely how experienced colleagues move a deal forward.',
    },
  },
  'target-attainment': {
    definition: {
      zh: '实际完成的销售额 ÷ 目标销售额。例如目标 50 万元、实际完成 55 万元，达成率就是 110%；低于 100% 说明没完成目标，要结合同比和漏斗数据找原因。几乎每一级晋升都看这个指标。',
      en: 'Actual sales divided by target sales. With a target of 500,000 yuan and actual sales of 550,000, attainment is 110%; below 100% the target was missed, and the reasons are found by reading it alongside the year-on-year figures and the funnel. Almost every promotion looks at it.',
    },
  },
  'customer-satisfaction': {
    definition: {
      zh: '客户对产品和服务的整体评价，通过回访或满意度调查来衡量；作为考核和晋升指标时，按“表示满意的客户占被调查客户的比例”计算。它衡量成交之后的服务质量，也是复购和转介绍的前提。',
      en: 'How customers rate the product and the service overall, measured in revisits or satisfaction surveys; as an assessment and promotion KPI it is the share of surveyed customers who say they are satisfied. It measures the quality of service after the sale, and repeat orders and referrals depend on it.',
    },
  },
  'sales-funnel': {
    definition: {
      zh: '把潜在客户从初次接触到最终成交分成若干阶段，统计每个阶段的数量和阶段之间转化率的模型。越往下数量越少，形似漏斗；管理漏斗就是跟踪每个阶段，找出流失最多、最需要改进的环节。',
      en: 'A model that splits the path from first contact to signed deal into stages and counts the number at each stage and the conversion between stages. Numbers shrink at each step, hence the funnel shape; managing it means tracking every stage and finding where most prospects drop out and what most needs work.',
    },
  },
  objection: {
    definition: {
      zh: '客户在推介过程中或之后，对方案、价格、时机或供应商表达的疑问、担心或反对意见。处理异议的目的不是辩赢客户，而是弄清障碍是什么，并帮他判断障碍能否被消除；处理得好，异议往往是推进成交的机会。',
      en: 'A doubt, worry or disagreement a customer voices during or after a presentation about the proposal, the price, the timing or the supplier. The aim is not to win the argument but to find out what the obstacle is and help the customer judge whether it can be removed; handled well, an objection often moves the deal forward.',
    },
  },
  'customer-acquisition-cost': {
    definition: {
      zh: '一段时间内赢得一个新客户平均花费的销售和市场费用，包括展会、推广、差旅、样品和招待：同期费用 ÷ 同期新客户数。费用和客户数要取同一时期、同一范围；获客成本过高，即使成交也可能不划算。',
      en: 'The average sales and marketing spend needed to win one new customer in a period — trade fairs, promotion, travel, samples, hospitality: spend in the period ÷ new customers in the period. Take both from the same period and the same scope; if it is too high, even a closed deal may not pay.',
    },
  },
  'customer-lifetime-value': {
    definition: {
      zh: '一个客户在整个合作期内预计为公司带来的毛利（不是销售额）：平均每单毛利 × 每年下单次数 × 预计合作年数。有的公司按销售额计算，和外部数据比较前先统一口径。把它和获客成本放在一起看，才知道在一类客户身上投入多少是值得的。',
      en: 'The gross profit (not the revenue) a customer is expected to bring the company over the whole relationship: average gross profit per order × orders per year × expected years. Some companies use revenue instead, so align the basis before comparing with outside figures. Read next to acquisition cost, it tells you how much a type of customer is worth investing in.',
    },
  },
  'close-rate': {
    definition: {
      zh: '一段时间内成交的单数 ÷ 同期发出正式报价的商机数。说成交率必须讲明分母，本课程一律以报价为分母；从线索算起的比例叫“线索转化率”，两者不要混用。',
      en: 'Deals won in a period ÷ opportunities that received a formal quote in that period. A close rate means nothing without its denominator, and this curriculum always uses quotes; the share counted from leads is the lead conversion rate, and the two must not be mixed up.',
    },
  },
  'lead-conversion-rate': {
    definition: {
      zh: '一段时间内成交的线索数 ÷ 同期分配到你名下的有效线索数。它反映的不是拿到多少机会，而是把机会变成订单的能力；它从线索算起，成交率从报价算起，所以同一个人的线索转化率总是低于成交率。',
      en: 'Leads that ended in a sale in a period ÷ valid leads assigned to you in that period. It measures not how many chances you get but how well you turn them into orders; it counts from leads while the close rate counts from quotes, so a person’s lead conversion rate is always lower than their close rate.',
    },
  },
  'pass-mark': {
    definition: {
      zh: '通过一份测验所需的最低得分比例，由每份测验自己设定。提交后页面会显示你的得分和这份测验的及格线。',
      en: 'The lowest percentage you need to pass a quiz; each quiz sets its own. After you submit, the page shows your score and that quiz’s pass mark.',
    },
  },
};
const entries = new Map<string, { id: string; term: Text; definition: Text }>();
const usage: { module: string; zhTerm: string; enTerm: string; ids: string[] }[] = [];
for (const t of terms) {
  const ids = remap[`${t.module}|${t.zhTerm}`] ?? [t.id];
  usage.push({ module: t.module, zhTerm: t.zhTerm, enTerm: t.enTerm, ids });
  for (const id of ids) {
    if (entries.has(id)) continue;
    const o = override[id];
    const own = terms.find((x) => x.id === id) ?? t;
    entries.set(id, { id, term: o?.term ?? { zh: own.zhTerm, en: own.enTerm }, definition: o?.definition ?? { zh: own.zh, en: own.en } });
  }
}
for (const id of Object.keys(override)) if (!entries.has(id)) console.error('override unused', id);
const list = [...entries.values()].sort((a, b) => a.id.localeCompare(b.id));
const header = `# The glossary: one definition per term, in both languages (docs/authoring.md, "Key terms").
# A lesson shows a term with <KeyTerm id="…" />; the glossary page lists every term here.
`;
writeFileSync('content/glossary.yaml', header + stringify(list, { lineWidth: 0 }));
writeFileSync('.scratch/usage.json', JSON.stringify(usage, null, 1));
console.log(list.length, 'terms');
