/**
 * What a customer describes rather than names: a complaint rarely says "complaint". These are
 * the situations agents recognise as something gone wrong — a reply that never came, a product
 * that came apart, a delivery that failed, money taken — in English and Russian. Each one found
 * makes the post negative and, unless it is about a delivery or a refund, a complaint. Russian
 * patterns begin at a word's start by lookbehind: JavaScript's \b does not know Cyrillic.
 */

export interface Cue {
  kind: 'no_response' | 'defect' | 'delivery' | 'billing' | 'exasperation';
  re: RegExp;
}

const NUMBER_WORDS_EN = '(?:two|three|four|five|six|several|many|multiple|\\d+)';
const NUMBER_WORDS_RU = '(?:два|две|три|четыре|пять|шесть|несколько|\\d+)';

export const PROBLEM_CUES: readonly Cue[] = [
  {
    kind: 'no_response',
    re: new RegExp(
      `\\b(no (reply|replies|response|answer|call|text|email|word)|zero (replies|response|answers)|nobody (came|called|answers|answered|replied|replies|showed)|no ?one (replies|answers|responds|called|came|picks up)|never (heard back|got back|replied|called back)|ignored|ignoring|on hold|call (dropped|got cut)|hung up|goes? (round )?in circles|real (person|human)|(second|third|fourth|fifth) (time|email|message|call|attempt)|${NUMBER_WORDS_EN} (times|emails|messages|calls|attempts)|tried everything|promised (a |to |me )?(call|refund|email|reply|ring)|still no (reply|response|answer|news|update)|no updates?( at all)?|anyone (home|there|alive)|too late|nobody (told|warned|informed) (me|us)|i was told (that )?(someone|they|you|it)|(said|told me) (they|you|someone) would (call|email|ring|get back))\\b`,
      'i',
    ),
  },
  {
    kind: 'no_response',
    re: new RegExp(
      `(?<![а-яё])(ни (звонка|ответа|смс|письма)|ноль (ответов|реакции)|никто не (ответил|отвечает|приехал|перезвонил|пришёл|пришел|звонил|позвонил)|игнорир|на линии|сбросили|бросили трубку|ходит по кругу|живой человек|живого человека|(второй|третий|четвертый|четвёртый|пятый) раз|раз ${NUMBER_WORDS_RU}|${NUMBER_WORDS_RU} раз|перепробовал|обещали (перезвонить|вернуть|ответить|позвонить)|не перезвонили|ответа (нет|так и нет)|никаких обновлений|есть кто живой|уже поздно|никто не (предупредил|сказал|сообщил)|сказали,? что (ответят|перезвонят|вернут|пришлют|свяжутся))`,
      'i',
    ),
  },
  {
    kind: 'defect',
    re: /\b((came|coming|fell|falling|come) (off|apart|loose|undone)|went (blunt|dull)|(is|are|was|got|already) (warped|bent|dented|scratched|stained|chipped|cracked|loose|rusty)|with (chips|cracks|scratches|dents|stains)|rust|sparks?|overheats?|gets (so |too |really )?hot|takes (ages|forever)|louder than|(won'?t|doesn'?t|does not|didn'?t|can'?t|cannot|wont|doesnt|didnt|cant) (work|connect|turn on|switch on|heat|charge|close|open|fit|sit|load|let me|pair|sync|boil|stay)|keeps (crashing|saying|logging|failing|freezing|turning off|tripping|breaking)|logs? me out|error( code)? ?\d*|stopped (working|heating|charging)|died (after|within|on)|broke (after|on|within)|(sent|got|received|came|delivered)\b.{0,40}\binstead of|there (were|was) only|(so|too|really) (thin|flimsy|small|short|tight|narrow)|barely (covers|fits|works|holds)|didn'?t apply|(refunded|charged|paid) (me )?(for )?(only )?(one|half)|missing|shrunk|shrank|faded|tastes? (metallic|weird|funny|of|like)|smells? (like|of|weird|funny)|not what i (ordered|expected|paid for)|nothing like (the|what|in))\b/i,
  },
  {
    kind: 'defect',
    re: /(?<![а-яё])(отвалил|отпал|слезает|облез|затупил|повело|погнул|шатается|ржавч|поцарапан|царапин|вмятин|пятна|со скол|искрит|перегрева|(так|сильно|слишком) нагрева|целую вечность|не (работает|включается|подключается|греет|заряжается|закрывается|открывается|подходит|даёт|дает|срабатывает|грузится|прилегает|кипятит)|вылетает|выкидывает|зависает|ошибк|сдох|перестал[аио]? |(прислали|пришл\S*|привезли|доставили)\S* .{0,40}вместо|не хватает|(такая|такой|слишком) (тонк|маленьк|узк|хлипк)|еле (прикрывает|влезает|работает|держит)|не применил|(только|лишь) за (один|одну|половину)|нет (половины|крышки|детали|деталей)|а внутри \d+|сел[аи]? после стирки|полинял|выцвел|привкус|не то,? что)/i,
  },
  {
    kind: 'delivery',
    re: /\b(left (it |my parcel |the parcel |the box |my box )?(outside|at the (gate|door)|in the rain)|threw|thrown|soaked|crushed|squashed|(box|parcel|package) (was |came )?(wet|soaked|crushed|opened|torn)|refused to|tried to deliver|left a card|i was (home|in) all day|waited (\d+|all|six|five|four|three|two) (hours|day)|took (a|the) day off|wrong address|ex'?s address|old address|never (came|showed up|turned up)|in (full )?view of|(didn'?t|did not|never|without) (even )?(call|ring|knock)(ing)?|(delivery|shipping|it) took (forever|ages|so long|too long|weeks)|(delivery|shipping) (was |is )?(so |too |really )?slow)\b/i,
  },
  {
    kind: 'delivery',
    re: /(?<![а-яё])(кинул|бросил|швырнул|мокр|промок(?!од)|помят|порван|вскрыт|отказал(ся|ись)|не застал|весь день (был|была) дома|ждал[аи]? (\d+|шесть|пять|четыре|три|два|весь день)|отпросил|не тот адрес|старый адрес|бывшему|бывшей|на виду|не (позвонил|предупредил|постучал)|оставил[аи]? (\S+ ){0,2}?(у двери|под двер\S*|у порога|на крыльце|у подъезда|у соседей|на улице)|долг(ая|ой|ую) доставк|доставк\S* (была |шла |идёт |идет )?(очень |слишком |так |такая |ужасно )?(долг|медленн))/i,
  },
  {
    kind: 'billing',
    re: /\b(charged (me |my card )?(twice|again|double|extra|even though)|still (being )?charged|overcharg\w*|hidden (fees?|costs?)|(price|it) (dropped|went down)|prices? (went|have gone|gone) up|for (that|this) price|rip ?off|expired|code (doesn'?t|does not|won'?t|isn'?t|doesnt) work|points (vanished|disappeared|gone|expired)|subscription i (cancel\w*)|unsubscribed)\b/i,
  },
  {
    kind: 'billing',
    re: /(?<![а-яё])(списал[аи]|списыва|переплат|скрыт(ые|ая) (плат|комисси)|подешевел|подорожал|цены (выросли|поднялись)|за такие деньги|развод на деньги|ист[её]к|промокод не|баллы (исчезли|сгорели|пропали)|отписк|отписал)/i,
  },
  {
    kind: 'exasperation',
    re: /\b(never (again|ordering|buying)|won'?t be (ordering|back|buying)|would(n'?t| not) (order|buy|recommend)( \w+)? again|last time i (order|buy|shop)|why (do|should|must) i (have to|need to)|please don'?t (do that|ever)|data breach|(my|our) (phone number|address|details|name) (on|printed|written)|just saying|(expected|deserve) (more|better)|i'?ve had better|(could|should) be better|not (ideal|great|good enough|impressed|cool)|i guess\.?$|cheers\.?$|thanks for nothing|thanks a lot\.?$|oh great|(love|enjoy) waiting)/i,
  },
  {
    kind: 'exasperation',
    re: /(?<![а-яё])(больше (не (буду|закажу|куплю|возьму)|(заказывать|покупать|брать) не буду)|ноги моей|почему (я )?(должн|обязательно|надо)|не делайте так|утечк|персональн\S* данн|(мой|моё|мое|мою) (номер|адрес|имя)\S* .{0,30}на коробке|к сведению|ожидал[аи]? (большего|лучшего)|не очень\.?$|не впечатлил|нет слов|спасибо,? конечно|спасибо за ничего|видимо\.?$|ну спасибо|жаль,? что)/i,
  },
  {
    kind: 'exasperation',
    re: /(\bseriously\b|\breally\?|\bcome on\b|what'?s the point|\bno thanks\b|\bwhat a joke\b|\bjoke of a\b|\bsmh\b|\bffs\b|who designed this|how hard (is|can) it be|\bso much for\b|\bdo better\b|\bsort (it|this) out\b|\bcool cool\b|\bi need this sorted\b|\bstop\.?$)/i,
  },
  {
    kind: 'exasperation',
    re: /(?<![а-яё])(серь[её]зно\?|издеваетесь|какой смысл|нет уж|цирк|стыдно|позорище|кто (это )?(проектировал|придумал)|разберитесь|прекратите|сколько можно|ну такое|так себе)/i,
  },
];

/** Thanks for a problem put right: praise, whatever words of the old problem it repeats. */
export const RESOLVED =
  /(thank(s| you)?( so much)? for (fixing|replacing|sorting|refunding|resolving|exchanging|swapping|sending (a|the) (new|replacement))|(sorted|fixed|resolved|replaced) (it|my|everything|the)\b.{0,40}(quick|fast|minutes?|min\b|same day|in no time)|спасибо,? (что|за) (так )?(быстр\w* )?(замен|исправ|решил|решени|вернул|обмен))/i;

/** The problems a text describes, each kind once, with the words that show it. */
export function problemsIn(text: string): { kind: Cue['kind']; words: string }[] {
  const found = new Map<Cue['kind'], string>();
  for (const cue of PROBLEM_CUES) {
    if (found.has(cue.kind)) continue;
    const hit = cue.re.exec(text);
    if (hit) found.set(cue.kind, hit[0].trim().slice(0, 60));
  }
  return [...found].map(([kind, words]) => ({ kind, words }));
}
