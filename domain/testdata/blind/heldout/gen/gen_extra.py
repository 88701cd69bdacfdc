"""Second batch: a priced BOM whose break quantities live in the column names; a Brazilian multipart e-mail."""
from email.message import EmailMessage
from email import policy

from common import truth, write_text, write_bytes

# ---------------------------------------------------------------- h31 priced BOM, price-at-quantity in column names
write_text("h31_priced_bom_colnames.csv", """Bill of Materials - Component Quote,,,,,,,,,
Assembly: SENSOR-HUB-V3 (PCB rev 2),,,,,,,,,
Quoted by: Pacific Rim Components Inc. / Quote PRC-Q-55871 / 2024-08-05,,,,,,,,,
"Prices in USD per piece, valid 30 days. Payment Net 30. FOB Los Angeles, CA.",,,,,,,,,
,,,,,,,,,
Line,Ref Des,Description,Manufacturer,MPN,Our P/N,Price @ 1000 pcs,Price @ 5000 pcs,Lead time,Note
1,U1,"MCU ARM Cortex-M4, LQFP64",ST,STM32F411RET6,PRC-88120,3.42,3.11,14 wks,
2,U2,"LDO 3.3V 500mA, SOT-223",Diodes Inc,AZ1117CH-3.3TRG1,PRC-10456,0.118,0.094,6 wks,
3,"C1,C2,C5","Cap 10uF 25V X5R, 0805",Samsung,CL21A106KAYNNNE,PRC-30021,0.021,0.016,8 wks,
4,J1,"USB-C receptacle, 16 pos",GCT,USB4105-GF-A,PRC-70312,0.612,0.538,10 wks,
5,Y1,"Crystal 8 MHz, 3225",Abracon,ABM8-8.000MHZ-B2-T,,,,,NQ - obsolete at manufacturer
6,R1-R12,"Res 10k 1%, 0402",Yageo,RC0402FR-0710KL,PRC-20010,0.0021,0.0014,stock,
7,D1,"LED green, 0603",Lite-On,LTST-C191KGKT,PRC-40077,0.048,0.039,stock,"MOQ 4,000 (full reel)"
,,,,,,,,,
,,,,,,Kit total @ 1000,,,
""")
truth("h31_priced_bom_colnames",
      {"format": "csv", "language": "en", "classes": [1, 4, 5, 6, 7],
       "notes": "priced BOM; break quantities only in the column names ('Price @ 1000 pcs'); Our P/N = supplier part; NQ row is a no-bid; MOQ in a note cell; header terms in a preamble cell; an empty 'Kit total' row"},
      {"supplier": "Pacific Rim Components Inc.", "quote_ref": "PRC-Q-55871", "quote_date": "2024-08-05",
       "currency": "USD", "validity_days": 30, "payment_net_days": 30,
       "incoterm": "FOB", "incoterm_place": "Los Angeles, CA"},
      [
          {"part_number": "STM32F411RET6", "supplier_part": "PRC-88120", "description": "MCU ARM Cortex-M4, LQFP64",
           "uom": "H87", "breaks": [["1000", "3.42"], ["5000", "3.11"]], "lead_time_days": 98},
          {"part_number": "AZ1117CH-3.3TRG1", "supplier_part": "PRC-10456", "description": "LDO 3.3V 500mA, SOT-223",
           "uom": "H87", "breaks": [["1000", "0.118"], ["5000", "0.094"]], "lead_time_days": 42},
          {"part_number": "CL21A106KAYNNNE", "supplier_part": "PRC-30021", "description": "Cap 10uF 25V X5R, 0805",
           "uom": "H87", "breaks": [["1000", "0.021"], ["5000", "0.016"]], "lead_time_days": 56},
          {"part_number": "USB4105-GF-A", "supplier_part": "PRC-70312", "description": "USB-C receptacle, 16 pos",
           "uom": "H87", "breaks": [["1000", "0.612"], ["5000", "0.538"]], "lead_time_days": 70},
          {"part_number": "ABM8-8.000MHZ-B2-T", "description": "Crystal 8 MHz, 3225", "no_bid": True,
           "no_bid_reason": "obsolete at manufacturer"},
          {"part_number": "RC0402FR-0710KL", "supplier_part": "PRC-20010", "description": "Res 10k 1%, 0402",
           "uom": "H87", "breaks": [["1000", "0.0021"], ["5000", "0.0014"]], "lead_time_days": 0},
          {"part_number": "LTST-C191KGKT", "supplier_part": "PRC-40077", "description": "LED green, 0603",
           "uom": "H87", "breaks": [["1000", "0.048"], ["5000", "0.039"]], "moq": "4000", "lead_time_days": 0},
      ])

# ---------------------------------------------------------------- h32 Brazilian proposal, multipart/alternative (text + HTML)
text = """Prezado Sr. Mendes,

Segue nossa proposta comercial nº PC-24-0733 de 14/08/2024, referente à sua solicitação de cotação de 02/08/2024.

Código Aurora | Rev. | Descrição                | Quantidade  | Preço unitário
AUR-5501      | C    | Tampa frontal PP branco  | 10.000 pçs  | R$ 2,37
              |      |                          | 50.000 pçs  | R$ 1,98
AUR-5502      | -    | Pé nivelador PP preto    | 20.000 pçs  | R$ 0,42
AUR-5510      | –    | Painel em PC cristal     | –           | não cotado

O item AUR-5510 não foi cotado porque não processamos policarbonato.
Ferramental (moldes), pago uma única vez: AUR-5501 R$ 68.000,00; AUR-5502 R$ 21.500,00.
Prazo de entrega: 35 dias após aprovação das amostras.
Pagamento: 30/60/90 dias da data da nota fiscal.
Frete: CIF São Paulo (incluso no preço).
Validade da proposta: 20 dias.
Impostos (IPI/ICMS) não inclusos.

Atenciosamente,
Rafael Souza
Executivo de Vendas
Plastimold Indústria de Plásticos Ltda.
Rod. Anhanguera km 104, Sumaré - SP
"""
rows = [("AUR-5501", "C", "Tampa frontal PP branco", "10.000 pçs", "R$ 2,37"),
        ("", "", "", "50.000 pçs", "R$ 1,98"),
        ("AUR-5502", "-", "Pé nivelador PP preto", "20.000 pçs", "R$ 0,42"),
        ("AUR-5510", "–", "Painel em PC cristal", "–", "não cotado")]
trs = "".join("<tr>" + "".join("<td style='border:1px solid #999;padding:3px'>%s</td>" % c for c in r) + "</tr>" for r in rows)
html = """<html><body style="font-family:Calibri,sans-serif;font-size:11pt">
<p>Prezado Sr. Mendes,</p>
<p>Segue nossa proposta comercial nº <b>PC-24-0733</b> de 14/08/2024, referente à sua solicitação de cotação de 02/08/2024.</p>
<table style="border-collapse:collapse"><tr><th>Código Aurora</th><th>Rev.</th><th>Descrição</th><th>Quantidade</th><th>Preço unitário</th></tr>%s</table>
<p>O item AUR-5510 não foi cotado porque não processamos policarbonato.<br>
Ferramental (moldes), pago uma única vez: AUR-5501 R$ 68.000,00; AUR-5502 R$ 21.500,00.<br>
Prazo de entrega: 35 dias após aprovação das amostras.<br>
Pagamento: 30/60/90 dias da data da nota fiscal.<br>
Frete: CIF São Paulo (incluso no preço).<br>
Validade da proposta: 20 dias.<br>
Impostos (IPI/ICMS) não inclusos.</p>
<p>Atenciosamente,<br>Rafael Souza<br>Executivo de Vendas<br><b>Plastimold Indústria de Plásticos Ltda.</b><br>Rod. Anhanguera km 104, Sumaré - SP</p>
</body></html>""" % trs
m = EmailMessage(policy=policy.SMTP)
m["From"] = "Rafael Souza <rafael.souza@plastimold.example>"
m["To"] = "Carlos Mendes <compras@aurora-eletro.example>"
m["Subject"] = "Proposta comercial PC-24-0733"
m["Date"] = "Wed, 14 Aug 2024 17:20:05 -0300"
m["Message-ID"] = "<pc-24-0733@plastimold.example>"
m.set_content(text)
m.add_alternative(html, subtype="html")
write_bytes("h32_proposta_multipart_pt.eml", m.as_bytes())
truth("h32_proposta_multipart_pt",
      {"format": "eml", "language": "pt", "classes": [1, 3, 5, 6, 7],
       "notes": "multipart/alternative with the same table in text and HTML; breaks as rows; moulds per part in a sentence; no-bid row with a dash revision; 30/60/90 instalments (full payment at 90); CIF with freight included; RFQ date differs"},
      {"supplier": "Plastimold Indústria de Plásticos Ltda.", "quote_ref": "PC-24-0733", "quote_date": "2024-08-14",
       "currency": "BRL", "validity_days": 20, "payment_net_days": 90,
       "incoterm": "CIF", "incoterm_place": "São Paulo", "freight": "included"},
      [
          {"part_number": "AUR-5501", "revision": "C", "description": "Tampa frontal PP branco", "uom": "H87",
           "breaks": [["10000", "2.37"], ["50000", "1.98"]], "lead_time_days": 35, "tooling": [["molde", "68000.00"]]},
          {"part_number": "AUR-5502", "description": "Pé nivelador PP preto", "uom": "H87",
           "breaks": [["20000", "0.42"]], "lead_time_days": 35, "tooling": [["molde", "21500.00"]]},
          {"part_number": "AUR-5510", "description": "Painel em PC cristal", "no_bid": True,
           "no_bid_reason": "não processamos policarbonato"},
      ])
print("extra ok")
