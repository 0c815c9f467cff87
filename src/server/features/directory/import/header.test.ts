import { describe, expect, it } from 'vitest';
import { HEADER } from '../../../../../bench/directory/generate';
import { HeaderError, recognizeLayout } from './header';

const cityV1Medical =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,医療機関の種類,住所,方書,緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,医療機関コード,診療曜日,診療開始時間,診療終了時間,診療日時特記事項,時間外における対応,診療科目,病床数,URL,備考';
const cityV1Care =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,介護サービス事業所名称,介護サービス事業所名称_カナ,実施サービス,住所,方書,緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,備考';
const v2Common =
  '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,所在地_全国地方公共団体コード,町字ID,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等(方書),緯度,経度,電話番号,内線番号,連絡先メールアドレス,連絡先FormURL';

const layoutOf = (header: string) => recognizeLayout(header.split(',')).id;

describe('header recognition', () => {
  it('knows every layout of data-formats.md by its header', () => {
    expect(layoutOf(HEADER)).toBe('kaigo_kouhyou');
    expect(layoutOf(cityV1Medical)).toBe('city_medical_v1');
    expect(layoutOf(cityV1Care)).toBe('city_care_v1');
    expect(
      layoutOf(`${v2Common},医療機関の種類,医療機関コード,診療科目,病床数,URL,画像,画像_ライセンス,備考`),
    ).toBe('city_medical_v2');
    expect(
      layoutOf(
        `${v2Common},介護サービス事業所名称,実施サービス,事業所番号,定員,URL,画像,画像_ライセンス,備考`,
      ),
    ).toBe('city_care_v2');
    expect(layoutOf('ID,正式名称,正式名称（フリガナ）,機関区分,都道府県コード,市区町村コード,所在地')).toBe(
      'navii_facility',
    );
    expect(layoutOf('ID,名称,フリガナ,ローマ字,都道府県コード,市区町村コード,所在地')).toBe('navii_pharmacy');
    expect(layoutOf('ID,診療科目名,診療時間帯,月_診療開始時間,月_診療終了時間')).toBe(
      'navii_speciality_hours',
    );
  });

  it('compares names NFKC-normalised, ignores spaces and extra columns', () => {
    const halfWidth = v2Common
      .replace('全国地方公共団体コード', '全国地方公共団体ｺｰﾄﾞ')
      .replace('建物名等(方書)', '建物名等（方書）');
    expect(layoutOf(`郵便番号,${halfWidth}, 実施サービス ,事業所番号,開設者氏名`)).toBe('city_care_v2');
    expect(layoutOf(`\uFEFF${HEADER.replace('方書（ビル名等）', '方書(ビル名等)')}`)).toBe('kaigo_kouhyou');
  });

  it('refuses an unknown header, listing what the closest layout misses', () => {
    const header = cityV1Care.replace('事業所番号,', '').split(',');
    expect(() => recognizeLayout(header)).toThrow(HeaderError);
    expect(() => recognizeLayout(header)).toThrow(
      /いちばん近い形式は「介護サービス事業所一覧（自治体標準オープンデータセット・第1版）」ですが、次の列がありません: 事業所番号。/,
    );
    expect(() => recognizeLayout(['a', 'b'])).toThrow(/取り込める形式のどれとも合いません/);
  });
});
