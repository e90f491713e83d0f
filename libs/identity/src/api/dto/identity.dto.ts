import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@caravan/http';
import { AMOUNT } from '@caravan/money';
import { OrganisationKind, Role } from '@caravan/access';

export class LoginDto {
  @ApiProperty({ example: 'applicant@hami-logistics.example' })
  @IsEmail()
  email: string;

  @ApiProperty({ example: 'caravan-demo-2026' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'The one-time code, for a person with a second factor (AUTH.OTP_REQUIRED without it)',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'otp must be the six digits of the authenticator app' })
  otp?: string;
}

export class AccessTokenView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ example: 900, description: 'seconds' }) expiresIn: number;
}

export class NewOrganisationDto {
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.SME })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @ApiProperty({ example: '哈密丝路物流有限公司' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: '91650502MA78XK3L2Q', description: '统一社会信用代码 (18 characters)' })
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: 'creditCode must be an 18-character unified social credit code',
  })
  creditCode: string;
}

export class NewUserDto {
  @ApiProperty({ example: 'applicant@hami-logistics.example' })
  @IsEmail()
  email: string;

  @ApiProperty({ example: '王芳' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ minLength: 12, example: 'caravan-demo-2026' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.APPLICANT] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(Role, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: '5000000.00', description: 'Approvers only: the largest financing they may approve, CNY' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'approvalAuthority must be a positive decimal string with at most two decimals' })
  approvalAuthority?: string;
}

export class OrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OrganisationKind })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OrganisationKind }) kind: OrganisationKind;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: Role, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ type: String, nullable: true, example: '5000000.00' }) approvalAuthority: string | null;
  @ApiProperty() active: boolean;
  @ApiPropertyOptional({
    enum: ['ENABLED', 'REQUIRED', 'OPTIONAL', 'PROVIDER'],
    description:
      'GET /auth/me: whether one signs in with a one-time code, must enrol one, or may; PROVIDER: one signs in through one’s bank, whose sign-in sees to it',
  })
  secondFactor?: 'ENABLED' | 'REQUIRED' | 'OPTIONAL' | 'PROVIDER';
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(200) currentPassword: string;
  @ApiProperty({
    minLength: 12,
    description: "At least 12 characters, and hard to guess (not a common or breached password, nor one's name)",
  })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword: string;
}

export class CompleteResetDto {
  @ApiProperty({ example: 'applicant@hami-logistics.example' }) @IsEmail() email: string;
  @ApiProperty({ description: 'The one-time code the operator handed over' }) @IsString() @Length(16, 100) code: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
}

export class ResetCodeView {
  @ApiProperty({ description: 'Shown once: hand it to the person, who sets their own password with it' }) code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: Date;
}

export class SecondFactorStartView {
  @ApiProperty({ example: 'JBSWY3DPEHPK3PXP', description: 'The seed, to type into an authenticator app' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/Caravan:approver…', description: 'The same, for a QR code' }) uri: string;
}

export class OneTimeCodeDto {
  @ApiProperty({ example: '123456' }) @Matches(/^\d{6}$/, { message: 'code must be the six digits of the authenticator app' }) code: string;
}
