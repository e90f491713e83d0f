import { detailOfInformation } from './mt940-information';

describe('MT940 :86: read into a transaction’s details', () => {
  it('German sub-fields: EREF+ running on into a full line’s next, SVWZ+ as the purpose, ?31 and ?32/?33 as the party', () => {
    // from the betterplace SEPA sample (the :86: lines joined)
    const info =
      '166?00GUTSCHRIFT?100399?20EREF+EndToEndIdTFNR20004000?2101?22SVWZ+TO 13 TFNr 20004 Einga?23ngskanal Mint?30PBNKDEFF100?31DE42100100100043921105?32Richter Renate 70 Zeichen B?33eginn Fuellzeichen';
    expect(detailOfInformation(info)).toEqual({
      endToEndId: 'EndToEndIdTFNR2000400001',
      counterpartyName: 'Richter Renate 70 Zeichen Beginn Fuellzeichen',
      counterpartyAccount: 'DE42100100100043921105',
      remittance: 'TO 13 TFNr 20004 Eingangskanal Mint',
    });
  });

  it('German sub-fields: a short EREF+ line ends the reference; what follows is the purpose; NOTPROVIDED is no reference', () => {
    const returned = '159?00RETOURE?100399?20EREF+TFNR 40005 00005?21MTLG:Grund nicht spezifizie?22rt Reject?34914';
    expect(detailOfInformation(returned)).toEqual({
      endToEndId: 'TFNR 40005 00005',
      remittance: 'MTLG:Grund nicht spezifiziert Reject',
    });
    expect(detailOfInformation('166?00GUTSCHRIFT?20EREF+NOTPROVIDED?21SVWZ+Rechnung 42').endToEndId).toBeUndefined();
    expect(detailOfInformation('116?00SEPA-UEBERW/STORNO?100399')).toEqual({ remittance: 'SEPA-UEBERW/STORNO' });
  });

  it('slash codes: /EREF/, the party’s /NAME/, /REMI/ with or without USTD//, /CNTP/ account/BIC/name', () => {
    expect(detailOfInformation('/BENM//NAME/JOHN DOE/REMI/Reference 201301234/ISDT/2013-01-02')).toEqual({
      counterpartyName: 'JOHN DOE',
      remittance: 'Reference 201301234',
    });
    expect(detailOfInformation('/EREF/INV-7/ORDP//NAME/Acme BV/ID/NL12ABNA0123456789/REMI/USTD//Invoice 7/')).toEqual({
      endToEndId: 'INV-7',
      counterpartyName: 'Acme BV',
      counterpartyAccount: 'NL12ABNA0123456789',
      remittance: 'Invoice 7',
    });
    expect(detailOfInformation('/CNTP/NL69INGB0123456789/INGBNL2A/ING Testrekening/AMSTERDAM/REMI/USTD//Factuur 9/')).toEqual({
      counterpartyName: 'ING Testrekening',
      counterpartyAccount: 'NL69INGB0123456789',
      remittance: 'Factuur 9',
    });
  });

  it('a party written as its name alone, in Chinese as Chinese banks send it', () => {
    expect(detailOfInformation('/EREF/RF-2026-000001/ORDP/国网能源集团有限公司/REMI/应收账款还款')).toEqual({
      endToEndId: 'RF-2026-000001',
      counterpartyName: '国网能源集团有限公司',
      remittance: '应收账款还款',
    });
  });

  it('free text stays the remittance, as it was', () => {
    const info = 'GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659';
    expect(detailOfInformation(info)).toEqual({ remittance: info });
  });
});
