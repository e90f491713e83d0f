import { errorCatalogue, listCodes } from './catalogue';
import { DomainError } from './domain-error';

describe('an error catalogue', () => {
  const Parcels = errorCatalogue('PARCEL', {
    NOT_FOUND: { kind: 'not_found', summary: 'no such parcel' },
    TOO_HEAVY: { kind: 'invalid', summary: 'a parcel weighs at most 30 kg' },
  });

  it('raises a DomainError with the prefixed code, its declared kind and the field', () => {
    const error = Parcels.TOO_HEAVY('31 kg is too heavy', 'weight');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PARCEL.TOO_HEAVY', kind: 'invalid', field: 'weight', message: '31 kg is too heavy' });
  });

  it('lists every code with its kind and summary, sorted across catalogues', () => {
    const Boxes = errorCatalogue('BOX', { EMPTY: { kind: 'conflict', summary: 'the box is empty' } });
    expect(listCodes(Parcels, Boxes).map((c) => [c.code, c.kind])).toEqual([
      ['BOX.EMPTY', 'conflict'],
      ['PARCEL.NOT_FOUND', 'not_found'],
      ['PARCEL.TOO_HEAVY', 'invalid'],
    ]);
  });

  it('types its codes: an undeclared one does not compile', () => {
    const code: 'PARCEL.NOT_FOUND' = Parcels.NOT_FOUND.code;
    // @ts-expect-error PARCEL.LOST is not declared
    const undeclared = () => Parcels.LOST('lost');
    expect([code, undeclared]).toHaveLength(2);
  });

  it('builds a context’s own subclass when asked', () => {
    class ParcelError extends DomainError {}
    const Own = errorCatalogue('PARCEL', { LOST: { kind: 'not_found', summary: 'lost' } }, (...args) => new ParcelError(...args));
    expect(Own.LOST('gone')).toBeInstanceOf(ParcelError);
  });
});
