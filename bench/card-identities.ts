/**
 * Made-up people for the card corpus: a common surname and given name, a sex, a birth
 * date, an address and a resident ID number that passes every check (a county code of
 * GB/T 2260, a real past date, the MOD 11-2 character). Seeded; never a real person.
 */
import { checkCharacter } from '../src/domain/id-number';

export interface CardPerson {
  name: string;
  sex: '男' | '女';
  nation: string;
  birth: { year: number; month: number; day: number };
  address: string;
  idNumber: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红建文辉鹏飞志燕晨宇欣怡浩然';
const NATIONS = ['汉', '汉', '汉', '汉', '回', '满', '壮', '苗'];

/** County-level codes of GB/T 2260 (200712), with the address a card of theirs shows. */
const COUNTIES: readonly (readonly [string, string])[] = [
  ['110101', '北京市东城区东华门街道'],
  ['110105', '北京市朝阳区建外街道'],
  ['310104', '上海市徐汇区天平路'],
  ['320102', '江苏省南京市玄武区中山路'],
  ['330106', '浙江省杭州市西湖区文三路'],
  ['420106', '湖北省武汉市武昌区中南路'],
  ['440305', '广东省深圳市南山区科技园'],
  ['510107', '四川省成都市武侯区人民南路'],
  ['610113', '陕西省西安市雁塔区长安南路'],
  ['370202', '山东省青岛市市南区香港中路'],
  ['430104', '湖南省长沙市岳麓区麓山路'],
  ['120101', '天津市和平区南京路'],
];

const pick = <T>(random: () => number, items: readonly T[] | string): T =>
  items[Math.floor(random() * items.length)] as T;

export function cardPerson(random: () => number): CardPerson {
  const [code, place] = pick<readonly [string, string]>(random, COUNTIES);
  const year = 1940 + Math.floor(random() * 68);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const sequence = Math.floor(random() * 1000);
  const male = sequence % 2 === 1;
  const first17 = `${code}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(sequence).padStart(3, '0')}`;
  const given =
    random() < 0.35
      ? pick<string>(random, GIVEN)
      : `${pick<string>(random, GIVEN)}${pick<string>(random, GIVEN)}`;
  return {
    name: `${pick<string>(random, SURNAMES)}${given}`,
    sex: male ? '男' : '女',
    nation: pick(random, NATIONS),
    birth: { year, month, day },
    address: `${place}${1 + Math.floor(random() * 300)}号${1 + Math.floor(random() * 20)}栋${101 + Math.floor(random() * 1500)}室`,
    idNumber: first17 + checkCharacter(first17),
  };
}

/** 18 digits that look like an ID number and fail its check character (another card's). */
export function lookalikeNumber(random: () => number): string {
  const first17 = cardPerson(random).idNumber.slice(0, 17);
  const right = checkCharacter(first17);
  const wrong = '0123456789'.replace(right, '');
  return first17 + pick<string>(random, wrong);
}
