import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AMOUNT } from '@caravan/money';
import { Role } from '@caravan/access';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class GroupRolesDto {
  @ApiProperty({ example: 'caravan-approvers', description: 'A group as the provider names it' })
  @IsString()
  @Length(1, 200)
  group: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.APPROVER] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: '5000000.00', description: 'Approvers only: the largest financing the group’s members may approve, CNY' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'approvalAuthority must be a positive decimal string with at most two decimals' })
  approvalAuthority?: string;
}

export class SingleSignOnSettingsDto {
  @ApiProperty({
    example: 'https://login.bank.example/realms/staff',
    description: 'The provider’s issuer (its discovery document is read from there)',
  })
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  issuer: string;

  @ApiProperty({ example: 'caravan' })
  @IsString()
  @Length(1, 200)
  clientId: string;

  @ApiPropertyOptional({
    description: 'Caravan’s secret at the provider; kept sealed, never shown again. Absent: a public client (PKCE alone).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  clientSecret?: string;

  @ApiPropertyOptional({ example: 'openid email profile groups' })
  @IsOptional()
  @Matches(/^(?=(.* )?openid( |$))[\x21-\x7e]+( [\x21-\x7e]+)*$/, { message: 'scope must be space-separated scopes including openid' })
  @MaxLength(500)
  scope: string = 'openid email profile groups';

  @ApiPropertyOptional({ example: 'groups', description: 'The claim that lists the person’s groups' })
  @IsOptional()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'groupsClaim must be a claim name' })
  groupsClaim: string = 'groups';

  @ApiProperty({
    example: ['https://caravan.example/portal/'],
    description: 'The portal addresses registered with the provider to come back to',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUrl(URL_OPTIONS, { each: true })
  redirectUris: string[];

  @ApiProperty({ type: [GroupRolesDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GroupRolesDto)
  groups: GroupRolesDto[];

  @ApiPropertyOptional({ example: 'the bank moves its officers to its own sign-in' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SingleSignOnStartDto {
  @ApiProperty()
  @IsUUID()
  organisationId: string;

  @ApiProperty({
    example: 'https://caravan.example/portal/',
    description: 'Where the provider sends the browser back: one the bank registered',
  })
  @IsUrl(URL_OPTIONS)
  @MaxLength(500)
  redirectUri: string;
}

export class SingleSignOnCompleteDto {
  @ApiProperty({ example: '?code=…&state=…&iss=…', description: 'The query string the browser came back with, as it came' })
  @IsString()
  @Length(1, 8000)
  callback: string;
}

export class SingleSignOnStartView {
  @ApiProperty() authorizationUrl: string;
}

export class SingleSignOnProviderView {
  @ApiProperty() organisationId: string;
  @ApiProperty() name: string;
}
