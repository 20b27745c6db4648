/**
 * Kinds of goods by their names in English and Russian, so that a post finds an item named in
 * the other language: "my fridge" names "Холодильник NordFrost", "микроволновка" names
 * "Built-in microwave BM-60". Letters alone cannot tell these apart (grounding.ts compares
 * stems for the rest). One kind a line, its names separated by commas; a name ending in `*`
 * stands for every word that begins so (cases, plurals), any other only for itself. Where two
 * names begin a word, the longer wins: "ножницы" is scissors, not a knife.
 */
import { foldName } from '../match/names';

const KINDS = [
  'kettle*, чайник*, электрочайник*',
  'teapot*, заварочн*, заварник*',
  'microwave*, микроволнов*, свч',
  'fridge*, refrigerator*, холодильник*',
  'freezer*, морозильн*, морозилк*',
  'dishwasher*, посудомо*, посудомеч*',
  'washing machine*, washer, washers, стиральн*, стиралк*',
  'tumble dryer*, сушильн*',
  'vacuum*, hoover*, пылесос*',
  'iron, irons, утюг*',
  'hair dryer*, hairdryer*, фен, фена, фену, феном, фене, фены',
  'blender*, блендер*',
  'mixer*, миксер*',
  'toaster*, тостер*',
  'slow cooker*, multicooker*, мультиварк*',
  'air fryer*, аэрогрил*, аэрофритюр*',
  'oven, ovens, духовк*, духовой, духового, духовом',
  'stove*, cooker, cookers, плита, плиты, плиту, плитой, плите, плит',
  'hob, hobs, варочн*',
  'cooker hood*, range hood*, extractor*, вытяжк*',
  'coffee machine*, coffee maker*, espresso machine*, кофемашин*, кофеварк*',
  'coffee grinder*, кофемолк*',
  'juicer*, соковыжим*',
  'frying pan*, skillet*, pan, pans, сковород*',
  'saucepan*, pot, pots, кастрюл*',
  'mug, mugs, кружк*, кружек',
  'cup, cups, чашк*, чашек',
  'plate, plates, тарелк*, тарелок',
  'wine glass*, бокал*',
  'knife, knives, нож, ножа, ножу, ножом, ноже, ножи, ножей, ножам, ножами, ножах',
  'scissors*, ножниц*',
  'mattress*, матрас*, матрац*',
  'pillow*, подушк*, подушек',
  'duvet*, blanket*, одеял*, плед*',
  'bed, beds, кровать*, кровати*',
  'sofa*, couch*, диван*',
  'armchair*, кресло, кресла, креслу, креслом, кресле',
  'chair, chairs, стул, стула, стулу, стулом, стуле, стулья, стульев',
  'table, tables, desk, desks, стол, стола, столу, столом, столе, столы, столов',
  'wardrobe*, шкаф*',
  'chest of drawers*, dresser*, комод*',
  'lamp, lamps, ламп*',
  'light bulb*, лампочк*',
  'chandelier*, люстр*',
  'tv, tvs, television*, телевизор*',
  'phone, phones, smartphone*, телефон*, смартфон*',
  'laptop*, ноутбук*',
  'tablet, tablets, планшет*',
  'headphones*, earphones*, earbuds*, наушник*',
  'speaker, speakers, колонк*',
  'charger*, зарядк*, зарядн*',
  'cable, cables, кабел*, провод, провода',
  'watch, watches, smartwatch*, часы',
  'camera, cameras, камер*, фотоаппарат*',
  'printer*, принтер*',
  'monitor, monitors, монитор*',
  'keyboard*, клавиатур*',
  'mouse, мышь, мыши, мышку, мышка, мышкой',
  'router*, роутер*, маршрутизатор*',
  'jacket*, куртк*, курток',
  'coat, coats, пальто',
  'dress, dresses, плать*',
  'shirt, shirts, рубашк*, рубашек',
  't shirt*, tshirt*, tee, tees, футболк*, футболок',
  'jeans, джинс*',
  'trousers*, pants, брюк*, брюки',
  'skirt*, юбк*, юбок',
  'sweater*, jumper*, свитер*',
  'sneakers*, trainers*, кроссовк*, кроссовок, кеды',
  'boots, сапог*, ботинк*, ботинок',
  'shoes, туфл*, обув*',
  'bag, bags, handbag*, сумк*, сумок',
  'backpack*, rucksack*, рюкзак*',
  'suitcase*, чемодан*',
  'wallet*, purse*, кошел*, кошельк*',
  'glasses, sunglasses, очки, очков',
  'ring, rings, кольцо, кольца, кольцом, колец',
  'earring*, серьг*, серьги, сережк*',
  'necklace*, колье, ожерель*',
  'bracelet*, браслет*',
  'perfume*, fragrance*, духи, духов, парфюм*',
  'shampoo*, шампун*',
  'cream, creams, крем, крема, кремом, кремы',
  'toy, toys, игрушк*, игрушек',
  'lego, конструктор*',
  'book, books, книг*',
  'stroller*, pram*, buggy, коляск*',
  'car seat*, автокресл*',
  'bicycle*, bike, bikes, велосипед*',
  'scooter*, самокат*',
  'tent, tents, палатк*',
  'rug, rugs, carpet*, ковер, ковра, ковры, ковров, коврик*',
  'curtain*, штор*',
  'towel*, tea towel*, полотенц*',
  'bedding, bed linen, постельн*',
  'cast iron, чугун*',
  'coffee, кофе',
  'tea, чай, чая, чаю, чаем',
] as const;

interface Name {
  /** The name's words, folded; the last one is a beginning when `prefix`. */
  words: string[];
  prefix: boolean;
  kind: number;
}

const names: Name[] = KINDS.flatMap((line, kind) =>
  line.split(',').map((raw) => {
    const name = raw.trim();
    const prefix = name.endsWith('*');
    return { words: foldName(prefix ? name.slice(0, -1) : name).split(' '), prefix, kind };
  }),
);
/** Longest first, so that the first name that fits a word is the one meant. */
names.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
/** The names by the first three letters of their first word: a post's word tries a few. */
const byStart = new Map<string, Name[]>();
for (const name of names) {
  const key = name.words[0]!.slice(0, 3);
  byStart.set(key, [...(byStart.get(key) ?? []), name]);
}

const fits = (word: string | undefined, wanted: string, prefix: boolean) =>
  word !== undefined && (prefix ? word.startsWith(wanted) : word === wanted);

export interface Goods {
  /** The kinds of goods named, each with the words that named it ("my fridge" → fridge). */
  kinds: Map<number, string>;
  /** Words that named a kind together ("cast iron"): no word of theirs names a thing alone. */
  joined: Set<string>;
}

/** The kinds of goods a text names. */
export function goodsNamed(text: string): Goods {
  const words = foldName(text).split(' ');
  const goods: Goods = { kinds: new Map(), joined: new Set() };
  for (let i = 0; i < words.length; i++) {
    for (const name of byStart.get(words[i]!.slice(0, 3)) ?? []) {
      const last = name.words.length - 1;
      const whole = name.words.every((w, k) => fits(words[i + k], w, k === last && name.prefix));
      if (!whole) continue;
      const named = words.slice(i, i + last + 1);
      if (!goods.kinds.has(name.kind)) goods.kinds.set(name.kind, named.join(' '));
      if (last) for (const word of named) goods.joined.add(word);
      i += last;
      break;
    }
  }
  return goods;
}
