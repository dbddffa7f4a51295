import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ANGIO_ACCESS_COMPLICATIONS,
  ANGIO_CATHETER_COMPLICATIONS,
  ANGIO_NEURO_OUTCOMES,
  COILING_COMPLICATIONS,
  COILING_TECHNIQUES,
  ETICI_GRADES,
  MT_COMPLICATIONS,
  MT_TECHNIQUES,
  OCCLUSION_SITES,
  OKM_GRADES,
  RAYMOND_ROY_CLASSES,
} from '@inr/domain';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const timeField = (description: string): PropertyDecorator[] => [
  ApiPropertyOptional({ description, example: '2026-03-01T10:15' }),
  IsOptional(),
  Matches(LOCAL_DATE_TIME, { message: '$property must be a local date-time YYYY-MM-DDTHH:MM' }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class MtTimesDto {
  @apply(timeField('Symptom onset or last known well')) onsetOrLastKnownWell?: string;
  @apply(timeField('Arrival (clock start)')) arrival?: string;
  @apply(timeField('Groin puncture')) groinPuncture?: string;
  @apply(timeField('First device deployed')) firstDevice?: string;
  @apply(timeField('Reperfusion')) reperfusion?: string;
}

export class ThrombectomyDetailsDto {
  @ApiProperty({ enum: ['mechanical-thrombectomy'] })
  @IsIn(['mechanical-thrombectomy'])
  procedure!: 'mechanical-thrombectomy';

  @ApiProperty({ enum: OCCLUSION_SITES })
  @IsIn(OCCLUSION_SITES)
  occlusionSite!: (typeof OCCLUSION_SITES)[number];

  @ApiProperty() @IsBoolean() tandemLesion!: boolean;

  @ApiProperty({ enum: MT_TECHNIQUES })
  @IsIn(MT_TECHNIQUES)
  technique!: (typeof MT_TECHNIQUES)[number];

  @ApiProperty() @IsBoolean() balloonGuideCatheter!: boolean;
  @ApiProperty() @IsBoolean() rescueStenting!: boolean;

  @ApiProperty({
    enum: ETICI_GRADES,
    isArray: true,
    maxItems: 20,
    description: 'eTICI after each pass',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(ETICI_GRADES, { each: true })
  eticiByPass!: (typeof ETICI_GRADES)[number][];

  @ApiProperty({ enum: ETICI_GRADES })
  @IsIn(ETICI_GRADES)
  finalEtici!: (typeof ETICI_GRADES)[number];

  @ApiProperty({ type: MtTimesDto })
  @ValidateNested()
  @Type(() => MtTimesDto)
  times!: MtTimesDto;

  @ApiProperty({ enum: MT_COMPLICATIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(MT_COMPLICATIONS.length)
  @IsIn(MT_COMPLICATIONS, { each: true })
  complications!: (typeof MT_COMPLICATIONS)[number][];
}

export class CoilingDetailsDto {
  @ApiProperty({ enum: ['aneurysm-coiling'] })
  @IsIn(['aneurysm-coiling'])
  procedure!: 'aneurysm-coiling';

  @ApiProperty() @IsBoolean() ruptured!: boolean;

  @ApiProperty({ example: 'AComm', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  location!: string;

  @ApiProperty({ minimum: 0.5, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(100)
  sizeMm!: number;

  @ApiProperty() @IsBoolean() wideNeck!: boolean;

  @ApiProperty({ enum: COILING_TECHNIQUES })
  @IsIn(COILING_TECHNIQUES)
  technique!: (typeof COILING_TECHNIQUES)[number];

  @ApiPropertyOptional({
    enum: RAYMOND_ROY_CLASSES,
    description: 'Immediate occlusion after coiling; not for flow diversion',
  })
  @IsOptional()
  @IsIn(RAYMOND_ROY_CLASSES)
  raymondRoy?: (typeof RAYMOND_ROY_CLASSES)[number];

  @ApiPropertyOptional({
    enum: OKM_GRADES,
    description: "Flow diversion only: immediate O'Kelly–Marotta grade",
  })
  @IsOptional()
  @IsIn(OKM_GRADES)
  okmGrade?: (typeof OKM_GRADES)[number];

  @ApiPropertyOptional({
    description: 'Flow diversion only: occlusion is graded at follow-up imaging',
  })
  @IsOptional()
  @IsBoolean()
  occlusionGradedAtFollowUp?: boolean;

  @ApiProperty({ enum: COILING_COMPLICATIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(COILING_COMPLICATIONS.length)
  @IsIn(COILING_COMPLICATIONS, { each: true })
  complications!: (typeof COILING_COMPLICATIONS)[number][];
}

export class AngiographyDetailsDto {
  @ApiProperty({ enum: ['diagnostic-angiography'] })
  @IsIn(['diagnostic-angiography'])
  procedure!: 'diagnostic-angiography';

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  indication!: string;

  @ApiProperty() @IsBoolean() consentObtained!: boolean;
  @ApiProperty() @IsBoolean() diagnosticSuccess!: boolean;

  @ApiProperty({ enum: ANGIO_NEURO_OUTCOMES })
  @IsIn(ANGIO_NEURO_OUTCOMES)
  neurologicalComplication!: (typeof ANGIO_NEURO_OUTCOMES)[number];

  @ApiProperty({ enum: ANGIO_ACCESS_COMPLICATIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(ANGIO_ACCESS_COMPLICATIONS.length)
  @IsIn(ANGIO_ACCESS_COMPLICATIONS, { each: true })
  accessSiteComplications!: (typeof ANGIO_ACCESS_COMPLICATIONS)[number][];

  @ApiPropertyOptional({
    enum: ANGIO_CATHETER_COMPLICATIONS,
    isArray: true,
    description: 'Catheter-induced: arterial dissection or subintimal passage',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ANGIO_CATHETER_COMPLICATIONS.length)
  @IsIn(ANGIO_CATHETER_COMPLICATIONS, { each: true })
  catheterComplications?: (typeof ANGIO_CATHETER_COMPLICATIONS)[number][];

  @ApiPropertyOptional({ description: 'Contrast-induced nephropathy (omit until known)' })
  @IsOptional()
  @IsBoolean()
  contrastNephropathy?: boolean;

  @ApiPropertyOptional({ description: 'Major contrast reaction needing treatment' })
  @IsOptional()
  @IsBoolean()
  majorContrastReaction?: boolean;
}

export type CaseDetailsDto = ThrombectomyDetailsDto | CoilingDetailsDto | AngiographyDetailsDto;

/** Property decorators for a `details` field: one nested schema per procedure, chosen by `procedure`. */
export function CaseDetailsField(options: { required: boolean }): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    (options.required ? ApiProperty : ApiPropertyOptional)({
      oneOf: [ThrombectomyDetailsDto, CoilingDetailsDto, AngiographyDetailsDto].map((d) => ({
        $ref: getSchemaPath(d),
      })),
      discriminator: { propertyName: 'procedure' },
    }),
    ValidateNested(),
    Type(() => Object, {
      keepDiscriminatorProperty: true,
      discriminator: {
        property: 'procedure',
        subTypes: [
          { name: 'mechanical-thrombectomy', value: ThrombectomyDetailsDto },
          { name: 'aneurysm-coiling', value: CoilingDetailsDto },
          { name: 'diagnostic-angiography', value: AngiographyDetailsDto },
        ],
      },
    }),
  ];
  decorators.unshift(options.required ? IsObject() : IsOptional());
  return apply(decorators);
}
