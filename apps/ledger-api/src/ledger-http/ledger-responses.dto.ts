import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

// Response shapes of the verifiable log, for the OpenAPI document (docs/ledger-format.md §14).

const BASE64_HASHES: ApiPropertyOptions = {
  type: [String],
  description: 'RFC 9162 hashes, standard base64 of 32 bytes each',
};

export class InclusionProofDto {
  @ApiProperty({ description: 'leaf index' }) index!: number;
  @ApiProperty({ description: 'tree size' }) size!: number;
  @ApiProperty({ ...BASE64_HASHES, description: 'audit path, leaf to root' }) proof!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty() first!: number;
  @ApiProperty() second!: number;
  @ApiProperty(BASE64_HASHES) proof!: string[];
}

export class LogKeyEpochDto {
  @ApiProperty({ description: 'C2SP verifier key of the log (type 0x01)' }) vkey!: string;
  @ApiProperty({ description: 'first tree size whose checkpoint this key signs' })
  fromSize!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'first size it no longer signs (the next key takes over); null for the current key',
  })
  untilSize!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'leaf index of the LogKeyRotated event that introduced it; null for the first key',
  })
  rotationLeafIndex!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'that leaf (canonical JSON, docs/ledger-format.md §1); null for the first key',
  })
  rotationLeaf!: string | null;
}

export class LedgerKeysDto {
  @ApiProperty({ description: "the log's origin line" }) origin!: string;
  @ApiProperty({ description: 'the key that signs new checkpoints' }) log!: string;
  @ApiPropertyOptional({ description: 'our cosignature key (type 0x04), when we witness' })
  witness?: string;
  @ApiProperty({ type: [LogKeyEpochDto], description: 'every log key, first key first' })
  history!: LogKeyEpochDto[];
}

export class CheckpointListItemDto {
  @ApiProperty() size!: number;
  @ApiProperty({ description: 'root hash, standard base64' }) root!: string;
  @ApiProperty({ description: 'signed note with the cosignature lines collected so far' })
  note!: string;
  @ApiProperty({ description: 'when the log signed it (ISO 8601 UTC)' }) signedAt!: string;
}

export class CheckpointPageDto {
  @ApiProperty({ type: [CheckpointListItemDto], description: 'smallest size first' })
  checkpoints!: CheckpointListItemDto[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'pass as `from` for the next page; null when this page is the last',
  })
  next!: number | null;
}
