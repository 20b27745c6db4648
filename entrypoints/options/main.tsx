import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';

mountApp(<OptionsApp />);
