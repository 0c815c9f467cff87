// The form definitions drive validation and the FAX mask: every definition is well formed (unique
// keys, choices where needed, prefills that exist), values are checked by type, and the FAX variant
// keeps initials, age and city only.
import { describe, expect, it } from 'vitest';
import { fieldsOf, prefillSources } from './definition';
import { formDefinitions } from './index';
import { formValuesSchema, initialsOf, maskForFax } from './values';

const sheet = formDefinitions.admission_info_sheet;

describe('form definitions', () => {
  it.each(Object.values(formDefinitions))('$title is well formed', (definition) => {
    const keys = fieldsOf(definition).map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const field of fieldsOf(definition)) {
      if (field.type === 'choice' || field.type === 'multi')
        expect(field.choices?.length, field.key).toBeGreaterThan(1);
      if (field.prefill) expect(prefillSources).toContain(field.prefill);
    }
  });

  it('checks values by the type of their field and refuses unknown ones', () => {
    const schema = formValuesSchema(sheet);
    expect(
      schema.safeParse({ name: '入江 ふみ', mealsPerDay: 3, takesMedicine: true, procedures: ['点滴'] })
        .success,
    ).toBe(true);
    expect(schema.safeParse({ careLevel: '', admittedOn: '' }).success).toBe(true);
    for (const bad of [
      { careLevel: '要介護6' },
      { procedures: ['祈祷'] },
      { mealsPerDay: 1.5 },
      { takesMedicine: 'はい' },
      { admittedOn: '令和8年12月2日' },
      { name: 'あ'.repeat(201) },
      { nickname: 'とめさん' },
    ])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('masks the person for FAX: initials from the reading, the city of the address, nothing else personal', () => {
    expect(initialsOf('入江 ふみ', 'イリエ フミ')).toBe('イ・フ');
    expect(initialsOf('入江ふみ', undefined)).toBe('入');
    const masked = maskForFax(sheet, {
      name: '入江 ふみ',
      kana: 'イリエ フミ',
      birthDate: '1940-01-01',
      age: '86',
      address: 'さくら県みらい市きた町3丁目4番',
      phone: '099-111-2222',
      keyPerson: '入江 一郎',
      careLevel: '要介護2',
    });
    expect(masked).toMatchObject({
      name: 'イ・フ',
      kana: null,
      birthDate: null,
      age: '86',
      address: 'さくら県みらい市',
      phone: null,
      keyPerson: null,
      careLevel: '要介護2',
    });
  });
});
